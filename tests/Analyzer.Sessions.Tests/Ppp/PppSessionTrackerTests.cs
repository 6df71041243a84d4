using Analyzer.Core;
using Analyzer.Sessions.Ppp;
using Analyzer.Sessions.Tests.Esp;

namespace Analyzer.Sessions.Tests.Ppp;

public sealed class PppSessionTrackerTests
{
    private static readonly FrameRef Frame = new(0, 1, default);

    private static PppSession Run(params (bool FromClient, string Hex)[] packets)
    {
        var tracker = new PppSessionTracker(AnalysisLimits.Default);
        long number = 1;
        foreach ((bool fromClient, string hex) in packets)
        {
            tracker.Observe(Frame with { Frame = number++ }, fromClient, Convert.FromHexString(hex));
        }

        return tracker.Session;
    }

    [Fact]
    public void Pppoe_capture_shows_its_lcp_echo_requests()
    {
        CaptureModel model = CaptureReplay.Shared("tcpdump/pppoes.pcap");

        PppoeSession session = Assert.Single(model.PppoeSessions);
        Assert.Equal(2, session.Packets);
        Assert.Equal(2, session.Ppp.EchoRequests);
        Assert.All(session.Ppp.Packets, p => Assert.Equal(("LCP", "Echo-Request"), (p.Protocol, p.Code)));
    }

    [Fact]
    public void Pap_ack_without_message_length_on_a_ppp_link_counts_as_success_with_an_anomaly()
    {
        // Length 4 ends the packet before Msg-Length; tshark calls it malformed. The Ack code still says the peer accepted.
        CaptureModel model = CaptureReplay.Shared("tcpdump/truncated-aack.pcap");

        PppoeSession session = Assert.Single(model.PppoeSessions);
        Assert.Equal("success", session.Ppp.AuthenticationResult);
        Assert.Contains(session.Ppp.Anomalies, a => a.StartsWith("frame 1: PAP", StringComparison.Ordinal));
    }

    [Fact]
    public void Pap_nak_is_a_failure_with_the_servers_message_and_no_password_kept()
    {
        // Authenticate-Request: peer "bob", password "pw"; then Authenticate-Nak "Login incorrect".
        PppSession ppp = Run(
            (true, "C0230101000B" + "03626F62" + "027077"),
            (false, "C023030100140F" + Convert.ToHexString("Login incorrect"u8)));

        Assert.Equal("PAP", ppp.AuthenticationProtocol);
        Assert.Equal("bob", ppp.UserName);
        Assert.Equal("failure", ppp.AuthenticationResult);
        Assert.Equal("Login incorrect", ppp.AuthenticationMessage);
        Assert.DoesNotContain(ppp.Packets, p => p.Summary.Contains("pw", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(691, "ERROR_AUTHENTICATION_FAILURE")]
    [InlineData(649, "ERROR_NO_DIALIN_PERMISSION")]
    [InlineData(648, "ERROR_PASSWD_EXPIRED")]
    [InlineData(709, "ERROR_CHANGING_PASSWORD")]
    [InlineData(647, "ERROR_ACCT_DISABLED")]
    [InlineData(646, "ERROR_RESTRICTED_LOGON_HOURS")]
    public void Ms_chap_failure_code_is_kept_with_its_windows_meaning(int code, string symbol)
    {
        byte[] text = System.Text.Encoding.ASCII.GetBytes($"E={code} R=0 C=00112233445566778899AABBCCDDEEFF V=3 M=denied");
        string hex = "C22304070000" + Convert.ToHexString(text);
        hex = hex[..8] + (4 + text.Length).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + hex[12..];

        PppSession ppp = Run((false, hex));

        Assert.Equal("failure", ppp.AuthenticationResult);
        Assert.Equal(code, ppp.AuthenticationErrorCode);
        Assert.Contains(symbol, ppp.AuthenticationMessage, StringComparison.Ordinal);
        Assert.EndsWith("M=denied", ppp.AuthenticationMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Eap_identity_and_failure_are_reported()
    {
        PppSession ppp = Run(
            (false, "C22701010005" + "01"),
            (true, "C2270201000A" + "01" + Convert.ToHexString("alice"u8)),
            (false, "C22704020004"));

        Assert.Equal("EAP", ppp.AuthenticationProtocol);
        Assert.Equal("alice", ppp.UserName);
        Assert.Equal("failure", ppp.AuthenticationResult);
    }

    [Fact]
    public void Configure_requests_repeated_without_ack_mark_an_lcp_loop()
    {
        var packets = Enumerable.Range(0, PppSessionTracker.LoopThreshold)
            .Select(i => (true, "C02101" + i.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + "000801040578"))
            .ToArray();

        PppSession ppp = Run(packets);

        Assert.True(ppp.LcpLoop);
        Assert.False(ppp.LcpOpened);
    }

    [Fact]
    public void Lcp_opens_only_when_both_sides_acknowledged()
    {
        PppSession half = Run((true, "C02101010008" + "01040578"), (false, "C02102010008" + "01040578"));
        PppSession both = Run((true, "C02101010008" + "01040578"), (false, "C02102010008" + "01040578"),
            (false, "C02101010008" + "0304C023"), (true, "C02102010008" + "0304C023"));

        Assert.False(half.LcpOpened);
        Assert.True(both.LcpOpened);
    }

    [Fact]
    public void Terminate_request_records_who_ended_the_link()
    {
        PppSession ppp = Run((false, "C02105070004"));

        Assert.False(ppp.TerminatedByClient);
        Assert.Equal(1, ppp.TerminationFrame!.Value.Frame);
    }

    [Fact]
    public void Packet_length_past_the_frame_is_an_anomaly()
    {
        PppSession ppp = Run((true, "C021010100FF01040578"));

        Assert.Empty(ppp.Packets);
        Assert.Contains(ppp.Anomalies, a => a.Contains("BadLength", StringComparison.Ordinal));
    }
}
