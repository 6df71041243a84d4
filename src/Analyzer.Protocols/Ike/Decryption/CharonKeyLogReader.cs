using System.Globalization;
using System.Text.RegularExpressions;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Ike.Decryption;

/// <summary>
/// Collects every key a strongSwan charon log shows when written at "ike 4, chd 4" (mgr 2 adds the
/// SPIs). Lines of one IKE SA share its "&lt;name|id&gt;" tag; each key is a hex dump announced by
/// "LABEL => N bytes @ 0x…". What is read:
/// <list type="bullet">
/// <item>IKEv1: "encryption key Ka" with the SA's initiator cookie from "IKEv1 SA … with SPIs c_i …".</item>
/// <item>IKEv2: "Sk_ei/Sk_er/Sk_ai/Sk_ar secret", the algorithms from "selected proposal: IKE:…",
/// the SPIs from "IKEv2 SA … with SPIs i_i r_r".</item>
/// <item>ESP: "encryption/integrity initiator/responder key", the algorithms from "using X for
/// encryption/integrity", and each SA from "adding inbound/outbound ESP SA" + "SPI 0x…, src A dst B".
/// "Initiator" keys protect what the CHILD_SA's initiator sends. IKEv1 says which SPI that is in the
/// "initiator SA seed" (protocol, SPI, nonces: RFC 2409 §5.5); for IKEv2 the log's own role decides
/// ("initiating IKE_SA" or "is initiating"), and the swapped pair is kept as the alternative the
/// ICV can choose.</item>
/// </list>
/// </summary>
public static partial class CharonKeyLogReader
{
    private const int MaxKeyBytes = 512;

    /// <summary>The IKEv1 table only (what earlier versions of <c>vpndiag keys</c> wrote).</summary>
    public static IkeKeyTable Read(TextReader log) => ReadAll(log, "charon log").Ikev1;

    /// <summary>Every key in the log, each marked as coming from <paramref name="origin"/>.</summary>
    public static KeyStore ReadAll(TextReader log, string origin)
    {
        var store = new KeyStore();
        ReadInto(log, origin, store);
        return store;
    }

    /// <summary>Adds the log's keys to <paramref name="store"/>; returns how many SAs' keys it found.</summary>
    public static int ReadInto(TextReader log, string origin, KeyStore store)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(store);
        var sas = new Dictionary<string, TaggedSa>(StringComparer.Ordinal);
        string? dumpTag = null;
        string? dumpLabel = null;
        int dumpExpected = 0;
        var dump = new List<byte>();
        int found = 0;
        while (log.ReadLine() is string line)
        {
            if (dumpTag is not null)
            {
                Match row = DumpRow().Match(line);
                if (row.Success && TagOf(line) == dumpTag)
                {
                    foreach (string hex in row.Groups["bytes"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        dump.Add(byte.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    }

                    if (dump.Count >= dumpExpected)
                    {
                        found += Sa(sas, dumpTag).OnKey(dumpLabel!, dump.GetRange(0, dumpExpected).ToArray(), origin, store);
                        dumpTag = null;
                    }

                    continue;
                }

                dumpTag = null;
            }

            if (!line.Contains('<', StringComparison.Ordinal) && !line.Contains("with SPIs", StringComparison.Ordinal))
            {
                continue;
            }

            Match announce = DumpStart().Match(line);
            if (announce.Success)
            {
                int length = int.Parse(announce.Groups["length"].Value, CultureInfo.InvariantCulture);
                string label = announce.Groups["label"].Value;
                if (length is > 0 and <= MaxKeyBytes && TaggedSa.Wants(label))
                {
                    dumpTag = announce.Groups["sa"].Value;
                    dumpLabel = label;
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
                    found += Sa(sas, sa).OnSpis(
                        spis.Groups["version"].Value == "2",
                        ulong.Parse(spis.Groups["i"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                        ulong.Parse(spis.Groups["r"].Value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                        origin,
                        store);
                }

                continue;
            }

            string? tag = TagOf(line);
            if (tag is null)
            {
                continue;
            }

            Match other = TaggedLine().Match(line);
            if (other.Success)
            {
                found += Sa(sas, tag).OnLine(other, origin, store);
            }
        }

        return found;
    }

    private static TaggedSa Sa(Dictionary<string, TaggedSa> sas, string tag)
    {
        if (!sas.TryGetValue(tag, out TaggedSa? sa))
        {
            sas[tag] = sa = new TaggedSa();
        }

        return sa;
    }

    private static string? TagOf(string line)
    {
        Match match = Tag().Match(line);
        return match.Success ? match.Groups["sa"].Value : null;
    }

    [GeneratedRegex(@"<(?:[^|<>]*\|)?(?<sa>\d+)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"<(?:[^|<>]*\|)?(?<sa>\d+)>\s+(?<label>[A-Za-z_ ]+?) => (?<length>\d+) bytes")]
    private static partial Regex DumpStart();

    [GeneratedRegex(@"^(?:.*?<(?:[^|>]*\|)?(?<sa>\d+)>)?.*?IKEv(?<version>[12]) SA (?:.*?\[(?<named>\d+)\] )?(?:.*?)with SPIs (?<i>[0-9a-f]{16})_i (?<r>[0-9a-f]{16})_r")]
    private static partial Regex SpiLine();

    [GeneratedRegex(@">\s+\d+: (?<bytes>(?:[0-9A-Fa-f]{2} ){1,16})")]
    private static partial Regex DumpRow();

    [GeneratedRegex(@">\s+(?:(?<role>initiating (?:Main Mode |Aggressive Mode )?IKE_SA)|(?<peer>\S+ is initiating an? (?:Main Mode |Aggressive Mode )?IKE_SA)|selected proposal: (?<proto>IKE|ESP):(?<proposal>\S+)|using (?<using>\S+) for (?<what>encryption|integrity)|adding (?<direction>inbound|outbound) ESP SA|SPI 0x(?<spi>[0-9a-f]{1,8}), src (?<src>\S+) dst (?<dst>\S+))")]
    private static partial Regex TaggedLine();
}
