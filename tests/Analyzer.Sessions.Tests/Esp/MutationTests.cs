using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Pptp;
using Analyzer.Sessions.Tests.L2tp;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>
/// Every real VPN datagram of the public captures, cut at every length and with every byte flipped,
/// goes through all trackers of this area: a model comes out, never an exception or a hang.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MutationTests
{
    public static TheoryData<string> Captures => new()
    {
        "john-samples/lulu-password-pptp.pcap",
        "nDPI/pptp.pcap",
        "packetnet/l2tp.pcap",
        "tcpdump/l2tp-avp-overflow.pcap",
        "tcpdump/pppoes.pcap",
        "tcpdump/truncated-aack.pcap",
        "zeek-spicy-ipsec/IPsec_ESP-AH_tunnel_mode.cap",
        "tcpdump/espudp1.pcap",
        "synthetic-l2tp",
    };

    [Theory]
    [MemberData(nameof(Captures))]
    public void Truncated_and_flipped_datagrams_never_throw(string capture)
    {
        List<CapturedDatagram> datagrams = capture == "synthetic-l2tp" ? SyntheticL2tp() : ReadShared(capture);
        var input = new AnalysisInput(0, "mutated.pcap", "mutated.pcap", InputKind.Pcap);
        var esp = new EspFlowTracker(input, AnalysisLimits.Default);
        var l2tp = new L2tpTunnelTracker(input, AnalysisLimits.Default);
        var pptp = new PptpTracker(input, AnalysisLimits.Default);
        long mutations = 0;
        foreach (CapturedDatagram original in datagrams)
        {
            byte[] bytes = original.Payload;
            for (int length = 0; length <= bytes.Length; length++)
            {
                Feed(original with { Payload = bytes[..length], Flags = DatagramFlags.Truncated }, esp, l2tp, pptp);
                mutations++;
            }

            for (int i = 0; i < Math.Min(bytes.Length, 256); i++)
            {
                foreach (byte mask in (byte[])[0xFF, 0x80, 0x01])
                {
                    byte[] flipped = (byte[])bytes.Clone();
                    flipped[i] ^= mask;
                    Feed(original with { Payload = flipped }, esp, l2tp, pptp);
                    mutations++;
                }
            }
        }

        var model = new CaptureModel(input);
        esp.Complete(model);
        l2tp.Complete(model);
        pptp.Complete(model);
        Assert.True(mutations > 0);
        Assert.True(model.EspFlows.Count + model.L2tpTunnels.Count + model.PptpConnections.Count + model.PppoeSessions.Count > 0);
    }

    private static void Feed(CapturedDatagram captured, EspFlowTracker esp, L2tpTunnelTracker l2tp, PptpTracker pptp)
    {
        VpnDatagram datagram = captured.ToDatagram();
        esp.Observe(datagram);
        l2tp.Observe(datagram);
        pptp.Observe(datagram);
    }

    private static List<CapturedDatagram> ReadShared(string relative)
    {
        string path = Path.Combine(RepoPaths.RequireShared("captures"), relative);
        if (!File.Exists(path))
        {
            Assert.Skip("../shared/captures/" + relative + " is absent");
        }

        return DecodedDatagrams.Read(path);
    }

    private static List<CapturedDatagram> SyntheticL2tp() =>
    [
        L2tpBytes.Datagram(1, true, L2tpBytes.Control(0, 0, 0, 0, L2tpBytes.MessageType(1), L2tpBytes.Avp(7, L2tpBytes.Text("lac")), L2tpBytes.Avp(9, L2tpBytes.U16(7)))),
        L2tpBytes.Datagram(2, false, L2tpBytes.Control(7, 0, 0, 1, L2tpBytes.MessageType(2), L2tpBytes.Avp(9, L2tpBytes.U16(42)), L2tpBytes.Avp(1, [0, 2, 0, 6, 0x41]))),
        L2tpBytes.Datagram(3, true, L2tpBytes.Control(42, 0, 1, 1, L2tpBytes.MessageType(10), L2tpBytes.Avp(14, L2tpBytes.U16(3)))),
        L2tpBytes.Datagram(4, false, L2tpBytes.Data(7, 3, Convert.FromHexString("FF03C22304010010453D36393120523D3020563D33"))),
    ];
}
