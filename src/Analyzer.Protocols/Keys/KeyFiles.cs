using System.Text;
using Analyzer.Protocols.Ike.Decryption;

namespace Analyzer.Protocols.Keys;

/// <summary>Recognises key files by content and reads each into a <see cref="KeyStore"/>.</summary>
public static class KeyFiles
{
    private const int SniffLines = 64;

    /// <summary>Decides from the first bytes; <see cref="KeyFileFormat.Unknown"/> when it is no key file vpndiag knows.</summary>
    public static KeyFileFormat Sniff(ReadOnlySpan<byte> head)
    {
        string text = Encoding.Latin1.GetString(head);
        string[] lines = text.Split('\n');
        var fields = new List<string>(8);
        int seen = 0;
        foreach (string raw in lines)
        {
            if (++seen > SniffLines)
            {
                break;
            }

            string line = raw.TrimEnd('\r');
            if (!UatLine.IsRecord(line))
            {
                continue;
            }

            if (line.StartsWith("src ", StringComparison.Ordinal))
            {
                return text.Contains("proto esp", StringComparison.Ordinal) || text.Contains("proto ", StringComparison.Ordinal) ? KeyFileFormat.XfrmState : KeyFileFormat.Unknown;
            }

            if (line.Contains(" => ", StringComparison.Ordinal) || line.Contains("[IKE]", StringComparison.Ordinal))
            {
                return text.Contains(" bytes @ 0x", StringComparison.Ordinal) ? KeyFileFormat.CharonLog : KeyFileFormat.Unknown;
            }

            if (!UatLine.TrySplit(line, fields, out _))
            {
                return KeyFileFormat.Unknown;
            }

            if (fields.Count == 2 && IsHex(fields[0], 16, 16) && IsHex(fields[1], 16, 128))
            {
                return KeyFileFormat.Ikev1Table;
            }

            if (fields.Count >= 8 && IsHex(fields[0], 16, 16) && IsHex(fields[1], 16, 16))
            {
                return KeyFileFormat.Ikev2Table;
            }

            if (fields.Count >= 8 && fields[0].Trim() is "IPv4" or "IPv6" or "Any" or "*")
            {
                return KeyFileFormat.EspSaTable;
            }

            return KeyFileFormat.Unknown;
        }

        return KeyFileFormat.Unknown;
    }

    /// <summary>
    /// Reads one key file of a known format into <paramref name="store"/>. Lines that cannot be
    /// used are listed in the result (line and reason, never key bytes); the rest is kept.
    /// </summary>
    public static KeyReadResult Read(TextReader reader, KeyFileFormat format, string origin, KeyStore store)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(store);
        switch (format)
        {
            case KeyFileFormat.EspSaTable:
                return EspSaTable.Read(reader, origin, store);
            case KeyFileFormat.Ikev2Table:
                return Ikev2DecryptionTable.Read(reader, origin, store);
            case KeyFileFormat.XfrmState:
                return XfrmStateReader.Read(reader, origin, store);
            case KeyFileFormat.CharonLog:
                return new KeyReadResult { Keys = CharonKeyLogReader.ReadInto(reader, origin, store) };
            case KeyFileFormat.Ikev1Table:
                var result = new KeyReadResult();
                if (!IkeKeyTable.TryParse(reader, out IkeKeyTable table, out int line, out string? problem))
                {
                    result.Problem(line, problem ?? "not an IKEv1 decryption table");
                    return result;
                }

                foreach ((ulong cookie, byte[] key) in table.Keys)
                {
                    store.AddIkev1(cookie, key, origin);
                    result.Keys++;
                }

                return result;
            default:
                var unknown = new KeyReadResult();
                unknown.Problem(1, "not a key file vpndiag knows (esp_sa, ikev2_decryption_table, ikev1_decryption_table, ip xfrm state, charon log)");
                return unknown;
        }
    }

    private static bool IsHex(string text, int minLength, int maxLength)
    {
        string t = text.Trim();
        if (t.Length < minLength || t.Length > maxLength)
        {
            return false;
        }

        foreach (char c in t)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
