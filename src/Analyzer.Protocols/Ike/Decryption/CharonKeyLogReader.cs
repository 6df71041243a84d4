using System.Globalization;
using System.Text.RegularExpressions;

namespace Analyzer.Protocols.Ike.Decryption;

/// <summary>
/// Builds an IKEv1 decryption table from a strongSwan charon log written at "ike 4" or higher:
/// charon prints "encryption key Ka => N bytes" followed by a hex dump, and names each SA's SPIs in
/// its "checkin/checkout IKEv1 SA ... with SPIs &lt;i&gt;_i &lt;r&gt;_r" lines; both carry the SA's unique id.
/// </summary>
public static partial class CharonKeyLogReader
{
    private const int MaxKeyBytes = 64;

    public static IkeKeyTable Read(TextReader log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var table = new IkeKeyTable();
        var cookies = new Dictionary<string, ulong>(StringComparer.Ordinal);
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? dumpingFor = null;
        int dumpExpected = 0;
        var dump = new List<byte>();
        while (log.ReadLine() is string line)
        {
            if (dumpingFor is not null)
            {
                Match row = DumpRow().Match(line);
                if (row.Success)
                {
                    foreach (string hex in row.Groups["bytes"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        dump.Add(byte.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    }

                    if (dump.Count >= dumpExpected)
                    {
                        keys[dumpingFor] = dump.GetRange(0, dumpExpected).ToArray();
                        Pair(table, cookies, keys, dumpingFor);
                        dumpingFor = null;
                    }

                    continue;
                }

                dumpingFor = null;
            }

            Match key = KeyLine().Match(line);
            if (key.Success)
            {
                int length = int.Parse(key.Groups["length"].Value, CultureInfo.InvariantCulture);
                if (length is > 0 and <= MaxKeyBytes)
                {
                    dumpingFor = key.Groups["sa"].Value;
                    dumpExpected = length;
                    dump.Clear();
                }

                continue;
            }

            Match spis = SpiLine().Match(line);
            if (spis.Success)
            {
                string sa = spis.Groups["sa"].Success && spis.Groups["sa"].Value.Length > 0 ? spis.Groups["sa"].Value : spis.Groups["named"].Value;
                if (sa.Length > 0)
                {
                    cookies[sa] = ulong.Parse(spis.Groups["i"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                    Pair(table, cookies, keys, sa);
                }
            }
        }

        return table;
    }

    private static void Pair(IkeKeyTable table, Dictionary<string, ulong> cookies, Dictionary<string, byte[]> keys, string sa)
    {
        if (cookies.TryGetValue(sa, out ulong cookie) && keys.TryGetValue(sa, out byte[]? key))
        {
            table.Add(cookie, key);
        }
    }

    [GeneratedRegex(@"<(?:[^|>]*\|)?(?<sa>\d+)>\s+encryption key Ka => (?<length>\d+) bytes")]
    private static partial Regex KeyLine();

    [GeneratedRegex(@"^(?:.*?<(?:[^|>]*\|)?(?<sa>\d+)>)?.*?IKEv1 SA (?:.*?\[(?<named>\d+)\] )?(?:.*?)with SPIs (?<i>[0-9a-f]{16})_i")]
    private static partial Regex SpiLine();

    [GeneratedRegex(@">\s+\d+: (?<bytes>(?:[0-9A-Fa-f]{2} ){1,16})")]
    private static partial Regex DumpRow();
}
