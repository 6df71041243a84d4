using Analyzer.Protocols.Ppp;
using Analyzer.Protocols.Pptp;
using Analyzer.Sessions.Ppp;
using Analyzer.Sessions.Pptp;
using Analyzer.Sessions.Tests.Esp;

namespace Analyzer.Sessions.Tests.Pptp;

/// <summary>PPTP control, GRE and the PPP inside, on the public PPTP captures (expected values read with tshark -V).</summary>
public sealed class PptpTrackerTests
{
    [Fact]
    public void Full_session_shows_control_connection_call_and_gre_both_ways()
    {
        CaptureModel model = CaptureReplay.Shared("john-samples/lulu-password-pptp.pcap");

        PptpConnection connection = Assert.Single(model.PptpConnections);
        Assert.Equal("192.168.2.5:1055", connection.Client.ToString());
        Assert.Equal("192.168.2.2:1723", connection.Server.ToString());
        Assert.True(connection.ControlSeen);
        Assert.True(connection.ControlEstablished);
        Assert.True(connection.CallEstablished);
        Assert.Equal((ushort)2932, connection.ClientCallId);
        Assert.Equal((ushort)256, connection.ServerCallId);
        Assert.True(connection.GreBothWays);
        Assert.Null(connection.Failure);
        Assert.Equal(
            ["Start-Control-Connection-Request", "Start-Control-Connection-Reply", "Outgoing-Call-Request", "Outgoing-Call-Reply", "Set-Link-Info", "Set-Link-Info"],
            connection.ControlMessages.Select(m => PptpNames.TypeName(m.Type)));
        Assert.Equal(new PptpResult(1, 0), connection.ControlMessages[1].Result);
        Assert.Equal("1 (Successful channel establishment)", PptpNames.ResultName(PptpMessageType.StartControlConnectionReply, 1, 0));
        Assert.Equal("local", connection.ServerHostName);
    }

    [Fact]
    public void Ppp_over_gre_shows_ms_chapv2_success_ccp_and_ipcp_addresses()
    {
        CaptureModel model = CaptureReplay.Shared("john-samples/lulu-password-pptp.pcap");

        PppSession ppp = Assert.Single(model.PptpConnections).Ppp!;
        Assert.True(ppp.AuthenticationProtocol?.IsMsChapV2);
        Assert.Equal(PppAuthenticationResult.Success, ppp.AuthenticationResult);
        Assert.Equal("Access granted", ppp.AuthenticationMessage);
        Assert.Equal(36, ppp.AuthenticationFrame!.Value.Frame);
        Assert.Equal("lulu", ppp.UserName);
        Assert.True(ppp.LcpOpened);
        Assert.False(ppp.LcpLoop);
        Assert.True(ppp.IpcpOpened);
        Assert.Equal("192.168.2.234", ppp.ClientAddress);
        Assert.Equal("192.168.2.2", ppp.ServerAddress);
        Assert.True(ppp.CompressionNegotiated);
        Assert.Contains("128-bit", ppp.Compression, StringComparison.Ordinal);
        Assert.Contains(ppp.Packets, p => p.Frame.Frame == 39 && p is { Protocol: PppProtocols.Lcp, Code: PppCodes.ProtocolReject } && p.Summary == "rejected IPV6CP");
        Assert.Contains(ppp.Packets, p => p.Frame.Frame == 18 && p.Code == PppCodes.ConfigureReject && p.Summary.StartsWith("Callback", StringComparison.Ordinal));
    }

    [Fact]
    public void Call_disconnect_after_call_clear_request_is_not_a_failure()
    {
        CaptureModel model = CaptureReplay.Shared("nDPI/pptp.pcap");

        PptpConnection connection = Assert.Single(model.PptpConnections);
        Assert.Equal(8, connection.ControlMessages.Count);
        Assert.Equal(PptpMessageType.CallDisconnectNotify, connection.ControlMessages[^1].Type);
        Assert.True(connection.CallEstablished);
        Assert.Null(connection.Failure);
        Assert.Equal(0, connection.GreFromClient + connection.GreFromServer);
    }

    [Fact]
    public void Gre_without_control_connection_is_still_reported_as_pptp()
    {
        CaptureModel model = CaptureReplay.Shared("flowcontainer/pptp.pcap");

        PptpConnection connection = Assert.Single(model.PptpConnections);
        Assert.False(connection.ControlSeen);
        Assert.True(connection.GreBothWays);
        Assert.Equal(402, connection.GreFromClient + connection.GreFromServer);
        Assert.Equal(2, connection.Ppp!.Packets.Count(p => p.Protocol == PppProtocols.Lcp));
    }
}
