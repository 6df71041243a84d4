using Analyzer.Protocols.L2tp;
using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Correlation.Events;
using Analyzer.Correlation.Paths;
using Analyzer.Diagnosis.Tests.Support;
using Analyzer.EventLogs;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Ppp;
using Analyzer.Sessions.Pptp;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Diagnosis.Tests.Rules;

/// <summary>L2TP, PPP, PPTP, event, path and case rules on Case objects built from the model classes.</summary>
public sealed class TunnelEventPathConditionTests
{
    private static L2tpTunnel Tunnel(CaseDraft draft, params (string Type, bool FromClient, ushort Session)[] messages)
    {
        var tunnel = new L2tpTunnel { Client = CaseDraft.Client with { Port = 1701 }, Server = CaseDraft.Server with { Port = 1701 } };
        double t = 0;
        foreach ((string type, bool fromClient, ushort session) in messages)
        {
            tunnel.ControlMessages.Add(new L2tpControlMessage
            {
                Frame = draft.Frame(t += 0.5),
                From = fromClient ? tunnel.Client : tunnel.Server,
                To = fromClient ? tunnel.Server : tunnel.Client,
                MessageType = Enum.GetValues<L2tpMessageType>().First(t => L2tpMessageTypes.Name(t) == type), // the tests list RFC 2661 §6 names
                SessionId = session,
            });
        }

        draft.Capture.L2tpTunnels.Add(tunnel);
        return tunnel;
    }

    private static EventRecord Record(int eventId, string provider, long id = 1, NormalizedEvent? normalized = null, int input = 1) => new()
    {
        InputIndex = input,
        RecordId = id,
        EventId = eventId,
        Provider = provider,
        Computer = "VPNSRV",
        Time = CaseDraft.Start.AddSeconds(5),
        Normalized = normalized,
    };

    private static Case WithLog(CaseDraft draft, InputKind kind, params EventRecord[] records)
    {
        var inputs = new List<AnalysisInput>(draft.Inputs) { new(draft.Inputs.Count, "events.xml", "events.xml", kind) };
        var @case = new Case { Inputs = inputs, Captures = draft.Captures };
        @case.Events.AddRange(records);
        return @case;
    }

    [Fact]
    public void Clear_text_l2tp_fires_l2tp_unprotected()
    {
        var draft = new CaseDraft();
        Tunnel(draft, ("SCCRQ", true, 0), ("SCCRP", false, 0), ("SCCCN", true, 0));
        Assert.Contains("l2tp-unprotected", Catalogue.FiredIds(draft.Build()));
    }

    [Fact]
    public void Unanswered_sccrq_fires_l2tp_setup_failed()
    {
        var draft = new CaseDraft();
        L2tpTunnel tunnel = Tunnel(draft, ("SCCRQ", true, 0), ("SCCRQ", true, 0), ("SCCRQ", true, 0));
        tunnel.State = L2tpTunnelState.WaitReply;
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "l2tp-setup-failed");
        Assert.Contains("SCCRQ sent 3 times", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Call_cleared_after_iccn_with_a_normal_result_is_not_a_setup_failure()
    {
        var draft = new CaseDraft();
        L2tpTunnel tunnel = Tunnel(draft, ("SCCRQ", true, 0), ("SCCRP", false, 0), ("SCCCN", true, 0), ("ICRQ", true, 0), ("ICRP", false, 7), ("ICCN", true, 9), ("CDN", false, 7));
        tunnel.State = L2tpTunnelState.Established;
        tunnel.Sessions.Add(new L2tpSession { ClientSessionId = 7, ServerSessionId = 9, State = L2tpSessionState.Disconnected, Connected = true, ClearedByClient = false, Result = new L2tpResult(3, "Administrative", null, null, null), DataPackets = 250 });
        Assert.DoesNotContain("l2tp-setup-failed", Catalogue.FiredIds(draft.Build()));
    }

    [Fact]
    public void Call_hung_up_right_after_iccn_before_any_ppp_is_a_setup_failure()
    {
        // As in the lab's l2tp-without-ipsec: pppd cannot start, the LNS sends CDN "loss of carrier" after ICCN.
        var draft = new CaseDraft();
        L2tpTunnel tunnel = Tunnel(draft, ("SCCRQ", true, 0), ("SCCRP", false, 0), ("SCCCN", true, 0), ("ICRQ", true, 0), ("ICRP", false, 7), ("ICCN", true, 9), ("CDN", false, 7));
        tunnel.State = L2tpTunnelState.Established;
        tunnel.Sessions.Add(new L2tpSession { ClientSessionId = 7, ServerSessionId = 9, State = L2tpSessionState.Disconnected, Connected = true, ClearedByClient = false, Result = new L2tpResult(1, "Session disconnected due to loss of carrier", 0, "No General Error", null) });
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "l2tp-setup-failed");
        Assert.Contains("loss of carrier", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("cleared by the server after it was connected but before PPP came up", finding.Summary, StringComparison.Ordinal);
        Assert.Contains(finding.Remediation, step => step.Contains("cleared by the server before any PPP", StringComparison.Ordinal));
        Assert.DoesNotContain(finding.Remediation, step => step.StartsWith("SCCRQ unanswered", StringComparison.Ordinal));
    }

    [Fact]
    public void Call_cleared_before_it_connected_is_a_setup_failure()
    {
        var draft = new CaseDraft();
        L2tpTunnel tunnel = Tunnel(draft, ("SCCRQ", true, 0), ("SCCRP", false, 0), ("SCCCN", true, 0), ("ICRQ", true, 0), ("CDN", false, 7));
        tunnel.Sessions.Add(new L2tpSession { ClientSessionId = 7, State = L2tpSessionState.Disconnected, Result = new L2tpResult(2, "General error", 6, "Generic vendor-specific error", "no free port") });
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "l2tp-setup-failed");
        Assert.Contains("no free port", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Ppp_chap_failure_fires_ppp_auth_failed_with_the_code()
    {
        var draft = new CaseDraft();
        L2tpTunnel tunnel = Tunnel(draft, ("SCCRQ", true, 0));
        var ppp = new PppSession { AuthenticationProtocol = new PppAuthenticationProtocol(PppProtocols.Chap, PppAuthentication.MsChapV2Algorithm), AuthenticationResult = PppAuthenticationResult.Failure, AuthenticationErrorCode = 691, UserName = "alice" };
        tunnel.Sessions.Add(new L2tpSession { Ppp = ppp });
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "ppp-auth-failed");
        Assert.Contains("\"alice\"", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("691", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Pptp_connection_fires_pptp_not_l2tp()
    {
        var draft = new CaseDraft();
        draft.Capture.PptpConnections.Add(new PptpConnection { Client = CaseDraft.Client with { Port = 40000 }, Server = CaseDraft.Server with { Port = 1723 }, GreFromClient = 5, GreFromServer = 4, FirstFrame = draft.Frame(0) });
        Assert.Contains("pptp-not-l2tp", Catalogue.FiredIds(draft.Build()));
    }

    [Fact]
    public void Main_mode_failure_event_fires_event_ike_failure_and_the_capture_cause_ranks_first()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        for (int i = 0; i < 3; i++)
        {
            draft.Message(sa, IkeExchangeKind.MainMode, 1, true, i * 5);
        }

        var normalized = new NormalizedEvent { Kind = "ike-mainmode-failure", IsFailure = true, FailureReason = "Negotiation timed out", RemoteAddress = CaseDraft.Client.Address };
        DiagnosisResult result = Catalogue.Diagnose(WithLog(draft, InputKind.EventXml, Record(4653, "Microsoft-Windows-Security-Auditing", normalized: normalized)));
        Assert.Equal(["ike-no-response", "event-ike-failure"], result.Findings.Select(f => f.RuleId));
        Finding ikeFailure = result.Findings[1];
        Assert.Contains("Negotiation timed out", ikeFailure.Summary, StringComparison.Ordinal);
        Assert.Equal(["ike-no-response"], ikeFailure.ExplainedBy);
        Assert.Equal(1L, Assert.Single(ikeFailure.Evidence).Record);
    }

    [Fact]
    public void Rasclient_error_and_missing_machine_certificate_fire_their_rules()
    {
        var draft = new CaseDraft(0);
        var normalized = new NormalizedEvent { Kind = "rasclient-error", IsFailure = true, Code = 13806, CodeMeaning = "IKE failed to find valid machine certificate" };
        DiagnosisResult result = Catalogue.Diagnose(WithLog(draft, InputKind.Evtx, Record(20227, "RasClient", normalized: normalized, input: 0)));
        Assert.Equal(["machine-certificate-missing", "vpn-client-error"], result.Findings.Select(f => f.RuleId));
        Assert.Contains("13806", result.Findings[1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Daemon_failure_line_fires_daemon_log_failure_but_windows_events_do_not()
    {
        var draft = new CaseDraft(0);
        EventRecord line = Record(0, "charon", 42, new NormalizedEvent { Kind = "charon-auth-failed", IsFailure = true }, input: 0);
        line.Message = "tried 1 shared key for 'server' - 'client', but MAC mismatched";
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(WithLog(draft, InputKind.DaemonLog, line)), "daemon-log-failure");
        Assert.Contains("MAC mismatched", finding.Summary, StringComparison.Ordinal);
        Assert.Equal(42L, finding.Evidence[0].Record);

        EventRecord windows = Record(4653, "Microsoft-Windows-Security-Auditing", normalized: new NormalizedEvent { Kind = "ike-mainmode-failure", IsFailure = true }, input: 0);
        Assert.DoesNotContain("daemon-log-failure", Catalogue.FiredIds(WithLog(draft, InputKind.EventXml, windows)));
    }

    [Fact]
    public void Log_clock_ten_minutes_off_fires_clock_skew()
    {
        var draft = new CaseDraft();
        Case @case = WithLog(draft, InputKind.Evtx);
        @case.ClockOffsets.Add(new LogClockOffset(1, 0, -612.5, 4));
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(@case), "clock-skew");
        Assert.Contains("-612.5 seconds", finding.Summary, StringComparison.Ordinal);
        @case.ClockOffsets[0] = new LogClockOffset(1, 0, 2.1, 4);
        Assert.DoesNotContain("clock-skew", Catalogue.FiredIds(@case));
    }

    [Fact]
    public void Integrity_events_and_checksum_errors_fire_packet_corruption()
    {
        var draft = new CaseDraft();
        draft.Capture.Statistics.ChecksumErrors = 3;
        Case @case = WithLog(draft, InputKind.Evtx, Record(4960, "Microsoft-Windows-Security-Auditing"));
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(@case), "packet-corruption");
        Assert.Contains("3 VPN datagrams with bad checksums", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("1 IPsec integrity", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Cpu_over_90_percent_while_an_sa_is_up_fires_server_cpu_saturated()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.MainMode(sa, 0);
        draft.EndAt(60);
        Case @case = draft.Build();
        @case.Performance.Add(new PerformanceSample(1, CaseDraft.Start.AddSeconds(30), @"\\VPNSRV\Processor(_Total)\% Processor Time", 97.5));
        @case.Performance.Add(new PerformanceSample(1, CaseDraft.Start.AddSeconds(31), @"\\VPNSRV\Processor(_Total)\% Processor Time", 40));
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(@case), "server-cpu-saturated");
        Assert.Contains("97.5%", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_loss_modification_and_translation_fire_the_path_rules()
    {
        var draft = new CaseDraft(2);
        Case @case = draft.Build();
        var path = new PathComparison { ClockOffsetSeconds = 0.2 };
        path.Captures.Add(new VantagePoint(0, "client", "initiator"));
        path.Captures.Add(new VantagePoint(1, "server", "responder"));
        FrameRef lost = draft.Frame(1);
        path.Directions.Add(new PathDirection("client", "server", "udp500", 4, 0, 4, [lost], []));
        path.Directions.Add(new PathDirection("server", "client", "esp", 10, 10, 0, [],
            [new ModifiedPacket(draft.Frame(2, 1), draft.Frame(2.01), 40, 1, "one byte flipped in the ESP payload")]));
        path.Translations.Add(new NatTranslation("udp500", new NetEndpoint(NetAddress.Parse("192.168.1.20"), 500), new NetEndpoint(NetAddress.Parse("198.51.100.2"), 1024), true));
        @case.Paths.Add(path);
        DiagnosisResult result = Catalogue.Diagnose(@case);
        Assert.Contains("4 of 4 udp500 packets sent at the client never reached the server", Catalogue.Finding(result, "path-drop").Summary, StringComparison.Ordinal);
        Assert.Equal(lost.Frame, Catalogue.Finding(result, "path-drop").Evidence[0].Frame);
        Assert.Contains("one byte flipped", Catalogue.Finding(result, "path-modified").Summary, StringComparison.Ordinal);
        Assert.Contains("192.168.1.20:500 is translated to 198.51.100.2:1024; NAT-D agreed", Catalogue.Finding(result, "nat-observed").Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_loss_is_named_in_the_ike_no_response_summary()
    {
        var draft = new CaseDraft(2);
        IkeSa sa = draft.Sa();
        for (int i = 0; i < 3; i++)
        {
            draft.Message(sa, IkeExchangeKind.MainMode, 1, true, i * 5);
        }

        Case @case = draft.Build();
        var path = new PathComparison();
        path.Captures.Add(new VantagePoint(0, "client", "initiator"));
        path.Captures.Add(new VantagePoint(1, "server", "responder"));
        path.Directions.Add(new PathDirection("client", "server", "udp500", 3, 0, 3, [], []));
        @case.Paths.Add(path);
        DiagnosisResult result = Catalogue.Diagnose(@case);
        Finding finding = Catalogue.Finding(result, "ike-no-response");
        Assert.Contains("client side", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("Lost between the client and the server: udp500 client→server 3 of 3 sent", finding.Summary, StringComparison.Ordinal);
        Assert.Equal("path-drop", result.Findings[0].RuleId);
    }
}
