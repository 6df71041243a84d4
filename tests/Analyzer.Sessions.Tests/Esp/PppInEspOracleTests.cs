using System.Globalization;
using Analyzer.Protocols.Ppp;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Ppp;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>
/// PPP inside L2TP inside ESP (the lab's l2tp-ppp-* scenarios, whose PPP is the constructed peer's):
/// the PPP control packets vpndiag decodes from the decrypted L2TP data messages equal those tshark
/// decodes with the same esp_sa table, frame by frame, protocol and code.
/// </summary>
public sealed class PppInEspOracleTests
{
    public static TheoryData<string> CapturesWithPpp() => LabKeyTables.Captures("esp_sa", "(no sample capture with PPP inside ESP)", directory => Directory.GetFiles(directory, "constructed-pppd-*.log").Length > 0);

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(CapturesWithPpp))]
    public void Ppp_control_packets_decrypted_from_esp_equal_tsharks_with_the_same_esp_sa_table(string capture)
    {
        string path = LabKeyTables.PathOf(capture, "(no sample capture with PPP inside ESP)");

        var arguments = new List<string> { "-n", "-o", "esp.enable_encryption_decode:TRUE" };
        arguments.AddRange(LabKeyTables.EspSaOptions(path));

        // ppp.code covers LCP, IPCP and CCP; CHAP and PAP have their own code fields.
        arguments.AddRange(["-o", "esp.enable_authentication_check:TRUE", "-Y", "esp && !(esp.icv_bad == 1) && !_ws.malformed && ppp",
            "-T", "fields", "-E", "occurrence=f", "-e", "frame.number", "-e", "ppp.protocol", "-e", "ppp.code", "-e", "chap.code", "-e", "pap.code"]);
        var expected = new List<string>();
        foreach (string[] f in Tshark.Run(path, arguments).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')))
        {
            ushort protocol = Convert.ToUInt16(f[1], 16);
            string code = f[2].Length > 0 ? f[2] : f[3].Length > 0 ? f[3] : f[4];
            if (PppProtocols.IsControl(protocol) && code.Length > 0)
            {
                expected.Add(string.Join(' ', f[0], PppProtocols.Name(protocol), PppCodes.Name(protocol, byte.Parse(code, CultureInfo.InvariantCulture))));
            }
        }

        CaptureModel model = EspDecryptionOracleTests.Decode(path, Path.Combine(Path.GetDirectoryName(path)!, "esp_sa"));
        var actual = model.L2tpTunnels.SelectMany(t => t.Sessions).Select(s => s.Ppp).OfType<PppSession>()
            .SelectMany(p => p.Packets)
            .OrderBy(p => p.Frame.Frame)
            .Select(p => string.Join(' ', p.Frame.Frame.ToString(CultureInfo.InvariantCulture), PppProtocols.Name(p.Protocol), PppCodes.Name(p.Protocol, p.Code)))
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
        Assert.All(model.L2tpTunnels.Where(t => t.Sessions.Any(s => s.Ppp is not null)), t => Assert.False(t.InClearText));
    }
}
