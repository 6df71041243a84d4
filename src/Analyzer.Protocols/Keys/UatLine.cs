using System.Globalization;
using System.Text;

namespace Analyzer.Protocols.Keys;

/// <summary>
/// One record of a Wireshark UAT file (epan/uat_load.l): comma-separated fields, each a quoted
/// string (with <c>\xHH</c>, <c>\"</c> and <c>\\</c> escapes) or bare hex bytes. Blank lines and
/// '#' comments carry no record.
/// </summary>
internal static class UatLine
{
    /// <summary>Reads one field list into a key, or says why it cannot.</summary>
    public delegate bool RecordReader<TKey>(List<string> fields, string origin, out TKey? key, out string? reason)
        where TKey : class;

    /// <summary>
    /// Reads a UAT table line by line: comments and blank lines skipped, each record split, checked for
    /// <paramref name="fieldCount"/> fields (extra ones, from newer Wireshark versions, are ignored)
    /// and turned into a key; every refused line becomes a problem with its line number.
    /// </summary>
    public static KeyReadResult ReadRecords<TKey>(TextReader reader, string origin, int fieldCount, string expected, RecordReader<TKey> read, Action<TKey> add)
        where TKey : class
    {
        var result = new KeyReadResult();
        var fields = new List<string>(fieldCount);
        int number = 0;
        while (reader.ReadLine() is string line)
        {
            number++;
            if (!IsRecord(line))
            {
                continue;
            }

            if (!TrySplit(line, fields, out string? problem))
            {
                result.Problem(number, problem!);
                continue;
            }

            if (fields.Count < fieldCount)
            {
                result.Problem(number, expected);
                continue;
            }

            if (read(fields, origin, out TKey? key, out string? reason))
            {
                add(key!);
                result.Keys++;
            }
            else
            {
                result.Problem(number, reason!);
            }
        }

        return result;
    }

    /// <summary>Splits <paramref name="line"/> into fields; false with a reason when a quote is left open.</summary>
    public static bool TrySplit(string line, List<string> fields, out string? problem)
    {
        fields.Clear();
        problem = null;
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                bool closed = false;
                while (i < line.Length)
                {
                    char c = line[i++];
                    if (c == '"')
                    {
                        closed = true;
                        break;
                    }

                    if (c == '\\' && i < line.Length)
                    {
                        char escaped = line[i++];
                        if (escaped == 'x' && i + 2 <= line.Length
                            && byte.TryParse(line.AsSpan(i, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte value))
                        {
                            field.Append((char)value);
                            i += 2;
                        }
                        else
                        {
                            field.Append(escaped);
                        }

                        continue;
                    }

                    field.Append(c);
                }

                if (!closed)
                {
                    problem = "a quoted field is not closed";
                    return false;
                }

                while (i < line.Length && line[i] is ' ' or '\t')
                {
                    i++;
                }
            }
            else
            {
                int start = i;
                while (i < line.Length && line[i] != ',')
                {
                    i++;
                }

                field.Append(line.AsSpan(start, i - start).Trim());
            }

            fields.Add(field.ToString());
            if (i >= line.Length)
            {
                return true;
            }

            if (line[i] != ',')
            {
                problem = "text after a quoted field";
                return false;
            }

            i++;
        }
    }

    public static bool IsRecord(string line)
    {
        string trimmed = line.Trim();
        return trimmed.Length > 0 && trimmed[0] != '#';
    }

    /// <summary>A field written the way Wireshark writes strings: quoted, with its escapes.</summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            if (c is '"' or '\\' or ',' || c < ' ' || c > '~')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c & 0xFF:x2}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Hex bytes with an optional 0x prefix; false when not whole hex bytes.</summary>
    public static bool TryParseHex(string text, out byte[] bytes)
    {
        bytes = [];
        string hex = text.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex[2..];
        }

        if (hex.Length % 2 != 0)
        {
            return false;
        }

        foreach (char c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        bytes = Convert.FromHexString(hex);
        return true;
    }
}
