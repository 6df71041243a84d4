using Analyzer.Protocols.Ppp;
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
        Assert.All(session.Ppp.Packets, p => Assert.Equal(("LCP", "Echo-Request"), (PppProtocols.Name(p.Protocol), PppCodes.Name(p.Protocol, p.Code))));
    }

    [Fact]
    public void Pap_ack_without_message_length_on_a_ppp_link_counts_as_success_with_an_anomaly()
    {
        // Length 4 ends the packet before Msg-Length; tshark calls it malformed. The Ack code still says the peer accepted.
        CaptureModel model = CaptureReplay.Shared("tcpdump/truncated-aack.pcap");

        PppoeSession session = Assert.Single(model.PppoeSessions);
        Assert.Equal(PppAuthenticationResult.Success, session.Ppp.AuthenticationResult);
        Assert.Contains(session.Ppp.Anomalies, a => a.Kind == PppAnomalyKind.BadAuthenticationField && a.Frame.Frame == 1 && a.Detail.StartsWith("PAP", StringComparison.Ordinal));
    }

    [Fact]
    public void Pap_nak_is_a_failure_with_the_servers_message_and_no_password_kept()
    {
        // Authenticate-Request: peer "bob", password "pw"; then Authenticate-Nak "Login incorrect".
        PppSession ppp = Run(
            (true, "C0230101000B" + "03626F62" + "027077"),
            (false, "C023030100140F" + Convert.ToHexString("Login incorrect"u8)));

        Assert.Equal(PppAuthenticationProtocol.Pap, ppp.AuthenticationProtocol);
        Assert.Equal("bob", ppp.UserName);
        Assert.Equal(PppAuthenticationResult.Failure, ppp.AuthenticationResult);
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

        Assert.Equal(PppAuthenticationResult.Failure, ppp.AuthenticationResult);
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

        Assert.Equal(PppAuthenticationProtocol.Eap, ppp.AuthenticationProtocol);
        Assert.Equal("alice", ppp.UserName);
        Assert.Equal(PppAuthenticationResult.Failure, ppp.AuthenticationResult);
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
        Assert.Contains(ppp.Anomalies, a => a.Kind == PppAnomalyKind.MalformedControlPacket && a.Detail.Contains("bad length", StringComparison.Ordinal));
    }

    [Fact]
    public void Configure_requests_with_no_lcp_packet_back_are_unanswered_by_the_server()
    {
        var requests = Enumerable.Range(1, PppSessionTracker.UnansweredThreshold)
            .Select(i => (true, "C02101" + i.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + "000801040578"))
            .ToArray();

        PppSession silent = Run(requests);
        PppSession answered = Run([.. requests, (false, "C02101010008" + "01040578")]);

        Assert.True(silent.LcpUnansweredByServer);
        Assert.Equal(PppSessionTracker.UnansweredThreshold, silent.LcpRequestsFromClient);
        Assert.False(silent.LcpLoop);
        Assert.Null(answered.LcpUnansweredByServer);
    }

    [Fact]
    public void Ipcp_configure_reject_of_the_clients_address_and_its_terminate_request_are_recorded()
    {
        // RFC 1332: the client asks for 0.0.0.0, the server rejects the option, the client closes IPCP.
        PppSession ppp = Run(
            (true, "80210101000A" + "030600000000"),
            (false, "80210401000A" + "030600000000"),
            (true, "8021050300" + "0B" + "6E6F2061646472"));

        Assert.True(ppp.ClientAddressRefused);
        Assert.Equal(2, ppp.ClientAddressRefusedFrame!.Value.Frame);
        Assert.True(ppp.IpcpTerminatedByClient);
        Assert.Equal("no addr", ppp.IpcpTerminationMessage);
        Assert.Null(ppp.ClientAddress);
    }

    [Fact]
    public void Ipcp_nak_offering_an_address_is_not_a_refusal()
    {
        PppSession ppp = Run((true, "80210101000A" + "030600000000"), (false, "80210301000A" + "0306C0A8640A"));

        Assert.False(ppp.ClientAddressRefused);
    }

    [Fact]
    public void Protocol_reject_of_ccp_after_the_servers_mppe_request_is_a_refusal_by_the_client()
    {
        PppSession ppp = Run(
            (false, "80FD0101000A" + "120601000040"),
            (true, "C02108020010" + "80FD" + "0101000A120601000040"));

        Assert.True(ppp.EncryptionRequestedByServer);
        Assert.True(ppp.EncryptionRefusedByClient);
        Assert.Equal(2, ppp.EncryptionRefusalFrame!.Value.Frame);
    }

    [Fact]
    public void Protocol_reject_of_ccp_without_an_mppe_request_is_no_encryption_refusal()
    {
        PppSession ppp = Run((false, "80FD01010004"), (true, "C0210802000A" + "80FD" + "01010004"));

        Assert.Null(ppp.EncryptionRequestedByServer);
        Assert.Null(ppp.EncryptionRefusedByClient);
    }

    [Fact]
    public void Terminate_request_text_is_kept()
    {
        PppSession ppp = Run((true, "C0210505" + "0010" + "557365722072657175657374"));

        Assert.Equal("User request", ppp.TerminationMessage);
    }
}
