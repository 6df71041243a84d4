using System.Globalization;
using Analyzer.Protocols.Ppp;
using Analyzer.Sessions.Ppp;
using Analyzer.Sessions.Tests.Esp;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ppp;

/// <summary>
/// PPP control packets (frame, protocol, code, identifier) found in L2TP, PPTP/GRE, PPPoE and PPP
/// links equal tshark's on every capture, except those tshark itself marks malformed.
/// </summary>
public sealed class PppOracleTests
{
    public static TheoryData<string> Captures => CaptureCorpus.All();

    [Theory]
    [MemberData(nameof(Captures))]
    public void Control_packets_equal_tshark(string capture)
    {
        string path = CaptureCorpus.Resolve(capture);
        string output = Tshark.Run(path, ["-n", "-Y", "(lcp || ipcp || ipv6cp || ccp || chap || pap || eap) && !_ws.malformed", "-T", "fields",
            "-e", "frame.number", "-e", "ppp.protocol", "-e", "ppp.code", "-e", "chap.code", "-e", "pap.code", "-e", "eap.code",
            "-e", "ppp.identifier", "-e", "chap.identifier", "-e", "pap.identifier", "-e", "eap.id"]);
        var expected = new List<string>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            // The PPP header that carries the control packet is the last one in the frame (PPPoE may carry IP then L2TP then PPP).
            ushort protocol = ushort.Parse(Last(f[1]).AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            byte code = byte.Parse(First(f[2], f[3], f[4], f[5]), CultureInfo.InvariantCulture);
            string id = First(f[6], f[7], f[8], f[9]);
            byte identifier = id.StartsWith("0x", StringComparison.Ordinal)
                ? byte.Parse(id.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : byte.Parse(id, CultureInfo.InvariantCulture);
            expected.Add(string.Join('|', f[0], PppProtocols.Name(protocol), PppCodes.Name(protocol, code), identifier.ToString(CultureInfo.InvariantCulture)));
        }

        // Frames tshark calls malformed are compared elsewhere (anomaly tests): vpndiag keeps what it can read of them.
        HashSet<long> malformed = Tshark.Run(path, ["-n", "-Y", "_ws.malformed", "-T", "fields", "-e", "frame.number"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToHashSet();
        CaptureModel model = DecodedCapture.Shared(path);
        IEnumerable<PppSession> sessions = model.L2tpTunnels.SelectMany(t => t.Sessions).Select(s => s.Ppp)
            .Concat(model.PptpConnections.Select(c => c.Ppp))
            .Concat(model.PppoeSessions.Select(s => s.Ppp))
            .OfType<PppSession>();
        List<string> actual = sessions.SelectMany(s => s.Packets)
            .Where(p => !malformed.Contains(p.Frame.Frame))
            .OrderBy(p => p.Frame.Frame)
            .Select(p => string.Join('|', p.Frame.Frame.ToString(CultureInfo.InvariantCulture), PppProtocols.Name(p.Protocol), PppCodes.Name(p.Protocol, p.Code), p.Identifier.ToString(CultureInfo.InvariantCulture)))
            .ToList();

        Assert.Equal(expected, actual);
    }

    private static string Last(string field) => field.Split(',')[^1];

    private static string First(params string[] fields) =>
        fields.Select(f => f.Split(',')[0]).FirstOrDefault(f => f.Length > 0) ?? "0";
}
