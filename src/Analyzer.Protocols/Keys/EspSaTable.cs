using System.Globalization;
using System.Text;
using Analyzer.Core;

namespace Analyzer.Protocols.Keys;

/// <summary>
/// Wireshark's ESP SA table, the <c>esp_sa</c> UAT file (packet-ipsec.c): per line protocol
/// ("IPv4", "IPv6", "Any"), source, destination, SPI, encryption algorithm, encryption key,
/// authentication algorithm, authentication key. Addresses and SPI may be "*". Keys are "0x"-hex
/// (Wireshark also takes a plain string, whose bytes are the key). Newer Wireshark versions append
/// fields; only the first eight are read.
/// </summary>
public static class EspSaTable
{
    private const int FieldCount = 8;

    public static KeyReadResult Read(TextReader reader, string origin, KeyStore store)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(store);
        return UatLine.ReadRecords<EspSaKey>(reader, origin, FieldCount, "expected protocol, source, destination, SPI, encryption, key, authentication, key", TryRead, store.Add);
    }

    /// <summary>Writes the SAs in Wireshark's own format (quoted strings, hex keys with 0x).</summary>
    public static string Write(IEnumerable<EspSaKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var builder = new StringBuilder();
        foreach (EspSaKey key in keys)
        {
            string protocol = key.Source is NetAddress s ? (s.IsV6 ? "IPv6" : "IPv4") : key.Destination is NetAddress d ? (d.IsV6 ? "IPv6" : "IPv4") : "Any";
            builder.Append(UatLine.Quote(protocol)).Append(',')
                .Append(UatLine.Quote(key.Source?.ToString() ?? "*")).Append(',')
                .Append(UatLine.Quote(key.Destination?.ToString() ?? "*")).Append(',')
                .Append(UatLine.Quote(key.Spi is uint spi ? "0x" + spi.ToString("x8", CultureInfo.InvariantCulture) : "*")).Append(',')
                .Append(UatLine.Quote(EspAlgorithms.WiresharkName(key.Encryption))).Append(',')
                .Append(UatLine.Quote(Hex(key.EncryptionKey))).Append(',')
                .Append(UatLine.Quote(EspAlgorithms.WiresharkName(key.Integrity))).Append(',')
                .Append(UatLine.Quote(Hex(key.IntegrityKey))).Append('\n');
        }

        return builder.ToString();
    }

    private static string Hex(byte[] key) => key.Length == 0 ? string.Empty : "0x" + Convert.ToHexStringLower(key);

    private static bool TryRead(List<string> fields, string origin, out EspSaKey? key, out string? reason)
    {
        key = null;
        reason = null;
        if (!TryAddress(fields[1], out NetAddress? source) || !TryAddress(fields[2], out NetAddress? destination))
        {
            reason = "source and destination must be addresses or *";
            return false;
        }

        uint? spi = null;
        string spiText = fields[3].Trim();
        if (spiText != "*")
        {
            bool hex = spiText.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
            if (!uint.TryParse(hex ? spiText[2..] : spiText, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out uint value))
            {
                reason = "SPI must be 0x followed by hex digits, or *";
                return false;
            }

            spi = value;
        }

        EspEncryption encryption = EspAlgorithms.FromWireshark(fields[4]);
        EspIntegrity integrity = EspAlgorithms.IntegrityFromWireshark(fields[6]);
        byte[] encryptionKey = KeyBytes(fields[5]);
        byte[] integrityKey = KeyBytes(fields[7]);
        if (encryption != EspEncryption.Unsupported && !EspAlgorithms.KeyFits(encryption, encryptionKey.Length))
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"a {encryptionKey.Length}-byte key does not fit {EspAlgorithms.WiresharkName(encryption)}");
            return false;
        }

        key = new EspSaKey
        {
            Spi = spi,
            Source = source,
            Destination = destination,
            Encryption = encryption,
            EncryptionKey = encryptionKey,
            Integrity = integrity,
            IntegrityKey = integrityKey,
            Origin = origin,
        };
        return true;
    }

    /// <summary>Wireshark reads "0x…" as hex and anything else as the key's own characters.</summary>
    private static byte[] KeyBytes(string field)
    {
        string text = field.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && UatLine.TryParseHex(text, out byte[] bytes))
        {
            return bytes;
        }

        return Encoding.Latin1.GetBytes(text);
    }

    /// <summary>"*" and partial wildcards ("10.1.*.*") match any address.</summary>
    private static bool TryAddress(string field, out NetAddress? address)
    {
        string text = field.Trim();
        address = null;
        if (text.Length == 0 || text.Contains('*', StringComparison.Ordinal))
        {
            return true;
        }

        if (NetAddress.TryParse(text, out NetAddress parsed))
        {
            address = parsed;
            return true;
        }

        return false;
    }
}
