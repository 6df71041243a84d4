using System.Globalization;

namespace Analyzer.Protocols.Ike.Decryption;

/// <summary>
/// Wireshark's IKEv1 decryption table (ikev1_decryption_table): one line per IKE SA,
/// <c>initiatorcookie,encryptionkey</c> in hex, quotes around either tolerated; blank lines and
/// lines starting with '#' are ignored. The key is RFC 2409 appendix B's SKEYID_e-derived key,
/// which charon logs as "encryption key Ka".
/// </summary>
public sealed class IkeKeyTable
{
    private const int CookieHexLength = 16;
    private const int MaxKeyBytes = 64;
    private readonly Dictionary<ulong, byte[]> _keys = [];

    public int Count => _keys.Count;

    public IReadOnlyDictionary<ulong, byte[]> Keys => _keys;

    /// <summary>Reads a table file; a malformed line throws <see cref="InvalidDataException"/> naming the file and line.</summary>
    public static IkeKeyTable Load(string path)
    {
        using var reader = new StreamReader(path);
        if (!TryParse(reader, out IkeKeyTable table, out int line, out string? problem))
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{path}: line {line}: {problem}"));
        }

        return table;
    }

    /// <summary>Parses a table; on failure says which line (1-based) and why.</summary>
    public static bool TryParse(TextReader reader, out IkeKeyTable table, out int failedLine, out string? problem)
    {
        table = new IkeKeyTable();
        failedLine = 0;
        problem = null;
        int number = 0;
        while (reader.ReadLine() is string text)
        {
            number++;
            string line = text.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (fields.Length != 2)
            {
                (failedLine, problem) = (number, "expected initiatorcookie,encryptionkey");
                return false;
            }

            string cookieText = Unquote(fields[0]);
            string keyText = Unquote(fields[1]);
            if (cookieText.Length != CookieHexLength || !ulong.TryParse(cookieText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong cookie))
            {
                (failedLine, problem) = (number, "initiator cookie must be 16 hex digits");
                return false;
            }

            if (keyText.Length == 0 || keyText.Length % 2 != 0 || keyText.Length > MaxKeyBytes * 2 || !IsHex(keyText))
            {
                (failedLine, problem) = (number, "encryption key must be an even number of hex digits (at most 64 bytes)");
                return false;
            }

            table._keys[cookie] = Convert.FromHexString(keyText);
        }

        return true;
    }

    public bool TryGetKey(ulong initiatorCookie, out byte[] key) => _keys.TryGetValue(initiatorCookie, out key!);

    /// <summary>Adds or replaces one SA's key (used by <c>vpndiag keys</c> while reading a log).</summary>
    public void Add(ulong initiatorCookie, byte[] key) => _keys[initiatorCookie] = key;

    /// <summary>The table in Wireshark's format, one SA per line, cookies in ascending order.</summary>
    public string ToWiresharkFormat()
    {
        var builder = new System.Text.StringBuilder();
        foreach (ulong cookie in _keys.Keys.Order())
        {
            builder.Append(cookie.ToString("x16", CultureInfo.InvariantCulture)).Append(',')
                .Append(Convert.ToHexStringLower(_keys[cookie])).Append('\n');
        }

        return builder.ToString();
    }

    private static string Unquote(string field)
    {
        string trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1].Trim() : trimmed;
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
