using Analyzer.Protocols.Ppp;
using Analyzer.Protocols.L2tp;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Ppp;
using Analyzer.Sessions.Tests.Esp;
using static Analyzer.Sessions.Tests.L2tp.L2tpBytes;

namespace Analyzer.Sessions.Tests.L2tp;

public sealed class L2tpTunnelTrackerTests
{
    // PPP frames (RFC 1661/2759 layouts) as pppd and Windows send them.
    private static readonly byte[] LcpConfigureRequestMsChapV2 = Convert.FromHexString("FF03C021010100090305C22381");
    private static readonly byte[] ChapFailure691 = [0xFF, 0x03, 0xC2, 0x23, 0x04, 0x01, 0x00, 0x2F, .. "E=691 R=0 C=00112233445566778899AABBCCDDEEFF V=3"u8];

    private static List<CapturedDatagram> HealthySetup() =>
    [
        Datagram(1, true, Control(0, 0, 0, 0, MessageType(1), Avp(2, [1, 0]), Avp(7, Text("client-host")), Avp(8, Text("Microsoft")), Avp(9, U16(7)))),
        Datagram(2, false, Control(7, 0, 0, 1, MessageType(2), Avp(2, [1, 0]), Avp(7, Text("lns")), Avp(9, U16(42)))),
        Datagram(3, true, Control(42, 0, 1, 1, MessageType(3))),
        Datagram(4, false, Control(7, 0, 1, 2)),
        Datagram(5, true, Control(42, 0, 2, 1, MessageType(10), Avp(14, U16(3)), Avp(15, [0, 0, 0, 1]))),
        Datagram(6, false, Control(7, 3, 1, 3, MessageType(11), Avp(14, U16(9)))),
        Datagram(7, true, Control(42, 9, 3, 2, MessageType(12), Avp(24, [0, 0, 0x27, 0x10]), Avp(19, [0, 0, 0, 1]))),
    ];

    [Fact]
    public void Healthy_setup_reaches_established_tunnel_and_session()
    {
        CaptureModel model = CaptureReplay.Run(HealthySetup());

        L2tpTunnel tunnel = Assert.Single(model.L2tpTunnels);
        Assert.Equal(L2tpTunnelState.Established, tunnel.State);
        Assert.Equal((ushort)7, tunnel.ClientTunnelId);
        Assert.Equal((ushort)42, tunnel.ServerTunnelId);
        Assert.Equal("client-host", tunnel.ClientHostName);
        Assert.Equal("Microsoft", tunnel.ClientVendorName);
        Assert.Equal("lns", tunnel.ServerHostName);
        Assert.True(tunnel.InClearText);
        Assert.Equal(["SCCRQ", "SCCRP", "SCCCN", "ZLB", "ICRQ", "ICRP", "ICCN"], tunnel.ControlMessages.Select(m => L2tpMessageTypes.Name(m.MessageType)));
        Assert.True(tunnel.ControlMessages[3].IsZlb);
        L2tpSession session = Assert.Single(tunnel.Sessions);
        Assert.Equal(L2tpSessionState.Established, session.State);
        Assert.Equal((ushort)3, session.ClientSessionId);
        Assert.Equal((ushort)9, session.ServerSessionId);
        Assert.Equal(0, tunnel.Retransmissions);
    }

    [Fact]
    public void Avps_are_named_with_decoded_values()
    {
        CaptureModel model = CaptureReplay.Run(HealthySetup());

        L2tpControlMessage sccrq = model.L2tpTunnels[0].ControlMessages[0];
        Assert.Equal(
            ["Message Type=SCCRQ", "Protocol Version=1.0", "Host Name=client-host", "Vendor Name=Microsoft", "Assigned Tunnel ID=7"],
            sccrq.Avps.Select(a => a.Name + "=" + a.Value));
        L2tpControlMessage iccn = model.L2tpTunnels[0].ControlMessages[6];
        Assert.Equal(["Message Type=ICCN", "(Tx) Connect Speed=10000", "Framing Type=synchronous"], iccn.Avps.Select(a => a.Name + "=" + a.Value));
    }

    [Fact]
    public void Data_messages_feed_the_sessions_ppp()
    {
        List<CapturedDatagram> datagrams = HealthySetup();
        datagrams.Add(Datagram(8, false, Data(7, 3, LcpConfigureRequestMsChapV2)));
        datagrams.Add(Datagram(9, false, Data(7, 3, ChapFailure691)));
        CaptureModel model = CaptureReplay.Run(datagrams);

        L2tpTunnel tunnel = model.L2tpTunnels[0];
        Assert.Equal(2, tunnel.DataFromServer);
        PppSession ppp = tunnel.Sessions[0].Ppp!;
        Assert.True(ppp.AuthenticationProtocol?.IsMsChapV2);
        Assert.Equal(PppAuthenticationResult.Failure, ppp.AuthenticationResult);
        Assert.Equal(691, ppp.AuthenticationErrorCode);
        Assert.Contains("ERROR_AUTHENTICATION_FAILURE", ppp.AuthenticationMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_sccrq_without_reply_is_a_retransmission_and_stays_waiting()
    {
        byte[] sccrq = Control(0, 0, 0, 0, MessageType(1), Avp(2, [1, 0]), Avp(7, Text("c")), Avp(9, U16(5)));
        CaptureModel model = CaptureReplay.Run([Datagram(1, true, sccrq), Datagram(2, true, sccrq), Datagram(3, true, sccrq)]);

        L2tpTunnel tunnel = Assert.Single(model.L2tpTunnels);
        Assert.Equal(L2tpTunnelState.WaitReply, tunnel.State);
        Assert.Equal([false, true, true], tunnel.ControlMessages.Select(m => m.Retransmission));
        Assert.Equal(2, tunnel.Retransmissions);
        L2tpAnomaly unanswered = Assert.Single(tunnel.Anomalies);
        Assert.Equal(L2tpAnomalyKind.SccrqUnanswered, unanswered.Kind);
        Assert.Equal(1, unanswered.Frame.Frame);
        Assert.Equal("SCCRQ sent 3 times and never answered", unanswered.Detail);
    }

    [Fact]
    public void StopCCN_result_code_is_decoded_with_error_and_message()
    {
        List<CapturedDatagram> datagrams = HealthySetup();
        byte[] result = [0, 2, 0, 6, .. "auth failed"u8];
        datagrams.Add(Datagram(8, false, Control(7, 0, 2, 4, MessageType(4), Avp(9, U16(42)), Avp(1, result))));
        CaptureModel model = CaptureReplay.Run(datagrams);

        L2tpTunnel tunnel = model.L2tpTunnels[0];
        Assert.Equal(L2tpTunnelState.Stopped, tunnel.State);
        Assert.Equal(new L2tpResult(2, "General error (see Error Code)", 6, "A generic vendor-specific error occurred in the LAC", "auth failed"), tunnel.Result);
        Assert.Equal(8, tunnel.StopFrame!.Value.Frame);
        Assert.Equal("2 (General error (see Error Code)), error 6 (A generic vendor-specific error occurred in the LAC), message auth failed",
            tunnel.ControlMessages[^1].Avps.Single(a => a.Type == 1).Value);
    }

    [Fact]
    public void CDN_disconnects_the_session_with_its_cdn_result()
    {
        List<CapturedDatagram> datagrams = HealthySetup();
        datagrams.Add(Datagram(8, false, Control(7, 3, 2, 4, MessageType(14), Avp(1, [0, 3]), Avp(14, U16(9)))));
        CaptureModel model = CaptureReplay.Run(datagrams);

        L2tpSession session = model.L2tpTunnels[0].Sessions[0];
        Assert.Equal(L2tpSessionState.Disconnected, session.State);
        Assert.Equal("Call disconnected for administrative reasons", session.Result!.ResultName);
        Assert.Null(session.Result.ErrorCode);
    }

    [Fact]
    public void Hidden_and_vendor_avps_are_flagged_and_kept_raw()
    {
        byte[] message = Control(0, 0, 0, 0, MessageType(1), Avp(9, U16(5)), Avp(7, [0xDE, 0xAD], hidden: true), Avp(1, [0xBE, 0xEF], mandatory: false, vendor: 311));
        CaptureModel model = CaptureReplay.Run([Datagram(1, true, message)]);

        List<L2tpAvpValue> avps = model.L2tpTunnels[0].ControlMessages[0].Avps;
        Assert.True(avps[2].Hidden);
        Assert.Equal("hidden, 2 bytes: dead", avps[2].Value);
        Assert.Equal("Vendor 311 AVP 1", avps[3].Name);
        Assert.Equal("beef", avps[3].Value);
        Assert.Null(model.L2tpTunnels[0].ClientHostName);
    }

    [Fact]
    public void Version_3_is_recognised_and_reported()
    {
        byte[] v3 = [0xC8, 0x03, 0x00, 0x14, 0, 0, 0, 0, 0, 1, 0, 0];
        CaptureModel model = CaptureReplay.Run([Datagram(1, true, v3)]);

        L2tpTunnel tunnel = Assert.Single(model.L2tpTunnels);
        Assert.Equal(3, tunnel.Version);
        Assert.Empty(tunnel.ControlMessages);
        Assert.Contains(tunnel.Anomalies, a => a.Kind == L2tpAnomalyKind.Version3NotDecoded);
    }

    [Fact]
    public void Avp_longer_than_the_message_is_an_anomaly_and_the_message_is_kept()
    {
        byte[] message = Control(0, 0, 0, 0, MessageType(1), Avp(9, U16(5)));
        message[message.Length - 7] = 0x40;
        CaptureModel model = CaptureReplay.Run([Datagram(1, true, message)]);

        L2tpTunnel tunnel = Assert.Single(model.L2tpTunnels);
        Assert.Single(tunnel.ControlMessages);
        Assert.Contains(tunnel.Anomalies, a => a.Kind == L2tpAnomalyKind.MalformedMessage && a.Frame.Frame == 1 && a.Detail.Contains("bad length", StringComparison.Ordinal));
        Assert.Contains(model.Diagnostics, d => d.Frame == 1);
    }

    [Fact]
    public void Public_data_packet_carries_lcp_echo_into_a_session_begun_before_the_capture()
    {
        CaptureModel model = CaptureReplay.Shared("packetnet/l2tp.pcap");

        L2tpTunnel tunnel = Assert.Single(model.L2tpTunnels);
        Assert.Equal(L2tpTunnelState.Unknown, tunnel.State);
        L2tpSession session = Assert.Single(tunnel.Sessions);
        Assert.Equal(L2tpSessionState.Unknown, session.State);
        Assert.Equal(1, session.DataPackets);
        PppPacketObservation echo = Assert.Single(session.Ppp!.Packets);
        Assert.Equal((PppProtocols.Lcp, (byte)9), (echo.Protocol, echo.Code)); // RFC 1661 §5.8 Echo-Request
    }

    [Fact]
    public void Fuzzed_public_control_messages_become_anomalies_not_exceptions()
    {
        CaptureModel model = CaptureReplay.Shared("tcpdump/l2tp-avp-overflow.pcap");

        Assert.NotEmpty(model.L2tpTunnels);
        Assert.All(model.L2tpTunnels.SelectMany(t => t.ControlMessages), m => Assert.Null(m.MessageType));
        Assert.NotEmpty(model.L2tpTunnels.SelectMany(t => t.Anomalies));
    }
}
