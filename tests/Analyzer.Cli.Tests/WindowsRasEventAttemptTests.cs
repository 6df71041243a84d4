using Analyzer.Testing;
using Analyzer.Reporting;
using Analyzer.Reporting.Document;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Windows RAS events alone (RasClient 20222/20227 of one dial, RemoteAccess 20271) make a connection
/// attempt: the error code's stage column places the failure and its side, the client or server comes
/// from the event's fields, and the stages before the failing one stay unknown (the events do not say
/// which VPN protocol was dialed).
/// </summary>
public sealed class WindowsRasEventAttemptTests
{
    private static IReadOnlyList<ReportAttempt> Attempts(params string[] paths) =>
        BuiltInCatalogue.Analyze(paths).Document.Attempts;

    private static string Event(string provider, int id, string time, long recordId, params string[] data) =>
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='" + provider + "' /><EventID Qualifiers='0'>" + id
        + "</EventID><Level>2</Level><TimeCreated SystemTime='" + time + "' /><EventRecordID>" + recordId + "</EventRecordID><Channel>Application</Channel><Computer>CLIENT</Computer></System><EventData>"
        + string.Concat(data.Select(d => "<Data>" + d + "</Data>")) + "</EventData></Event>";

    private static string Write(string name, params string[] events)
    {
        string directory = Directory.CreateTempSubdirectory("vpndiag-ras-").FullName;
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n" + string.Join("\n", events) + "\n</Events>\n");
        return path;
    }

    private static void AssertEarlierStagesOpen(ReportAttempt attempt)
    {
        foreach (ReportAttemptStage stage in attempt.Stages.TakeWhile(s => s.Stage != attempt.FailedStage))
        {
            Assert.Equal("unknown", stage.Outcome);
        }
    }

    [Fact]
    public void A_shared_remote_access_20271_alone_is_an_attempt_failing_ppp_auth_on_the_server_from_the_rejected_client()
    {
        string path = Path.Combine(RepoPaths.RequireShared("evtx/vpn"), "ipban-line172-20271.xml");
        Assert.SkipUnless(File.Exists(path), "../shared/evtx/vpn/ipban-line172-20271.xml is absent");
        ReportAttempt attempt = Assert.Single(Attempts(path));
        Assert.Equal("ppp-auth", attempt.FailedStage);
        Assert.Equal("server", attempt.Side);
        Assert.Equal("123.123.123.123", attempt.Client);
        Assert.Null(attempt.Server);
        Assert.Contains("ras-server-rejected", attempt.Findings);
        AssertEarlierStagesOpen(attempt);
    }

    [Fact]
    public void Each_remote_access_rejection_is_its_own_attempt_with_its_client_address()
    {
        IReadOnlyList<ReportAttempt> attempts = Attempts(Path.Combine(RepoPaths.Samples, "events", "ras-server", "server-system.xml"));
        Assert.True(attempts.Count >= 2, "two 20271 records, two attempts");
        Assert.Contains(attempts, a => a.Client == "198.51.100.20" && a.FailedStage == "ppp-auth" && a.Side == "server");
        Assert.Contains(attempts, a => a.Client == "192.0.2.77");
    }

    [Fact]
    public void A_ras_attempt_from_events_alone_reads_ike_not_logged_in_the_attempts_table_rather_than_none()
    {
        ReportDocument document = BuiltInCatalogue.Analyze(Path.Combine(RepoPaths.Samples, "events", "ras-server", "server-system.xml")).Document;
        string row = Analyzer.Reporting.Markdown.MarkdownReportWriter.ToMarkdown(document).Split('\n').First(line => line.StartsWith("| A1 |", StringComparison.Ordinal));

        Assert.Contains("| not logged |", row, StringComparison.Ordinal);
        Assert.DoesNotContain("| none |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rasclient_809_dial_fails_reachability_toward_the_server_of_its_20222_with_the_side_left_to_the_server_evidence()
    {
        ReportAttempt attempt = Assert.Single(Attempts(Path.Combine(RepoPaths.Samples, "events", "udp500-blocked", "client-application.csv")));
        Assert.Equal("ike-reachability", attempt.FailedStage);
        Assert.Equal("unknown", attempt.Side);
        Assert.Contains("server decides", attempt.SideReason, StringComparison.Ordinal);
        Assert.NotNull(attempt.Server);
    }

    [Fact]
    public void A_rasclient_789_dial_fails_phase1_authentication_with_its_server_and_earlier_stages_open()
    {
        ReportAttempt attempt = Assert.Single(Attempts(Path.Combine(RepoPaths.Samples, "events", "psk-mismatch", "client-application.xml")));
        Assert.Equal("phase1-auth", attempt.FailedStage);
        Assert.Equal("203.0.113.10", attempt.Server);
        AssertEarlierStagesOpen(attempt);
    }

    [Fact]
    public void A_constructed_rasclient_13806_fails_phase1_authentication_and_a_741_blames_the_client_in_ppp_ipcp()
    {
        string dial = "{11111111-2222-3333-4444-555555555555}";
        string path = Write("client-application.xml",
            Event("RasClient", 20222, "2026-12-07T10:00:00.000000000Z", 1, dial, "CLIENT\\alice", "Office", "192.0.2.10", "WAN Miniport (IKEv2)", "VPN1-1", "VPN"),
            Event("RasClient", 20227, "2026-12-07T10:00:05.000000000Z", 2, dial, "CLIENT\\alice", "Office", "13806"));
        ReportAttempt cert = Assert.Single(Attempts(path));
        Assert.Equal("phase1-auth", cert.FailedStage);
        Assert.Equal("192.0.2.10", cert.Server);

        string other = "{99999999-2222-3333-4444-555555555555}";
        string encryption = Write("client-application.xml",
            Event("RasClient", 20227, "2026-12-07T11:00:00.000000000Z", 3, other, "CLIENT\\bob", "Office", "741"));
        ReportAttempt ccp = Assert.Single(Attempts(encryption));
        Assert.Equal("ppp-ipcp", ccp.FailedStage);
        Assert.Equal("client", ccp.Side);
    }

    [Fact]
    public void Two_dials_of_one_rasclient_log_are_two_attempts_by_their_correlation_ids()
    {
        string path = Write("client-application.xml",
            Event("RasClient", 20227, "2026-12-07T10:00:00.000000000Z", 1, "{11111111-2222-3333-4444-555555555555}", "CLIENT\\alice", "Office", "809"),
            Event("RasClient", 20227, "2026-12-07T10:05:00.000000000Z", 2, "{22222222-2222-3333-4444-555555555555}", "CLIENT\\alice", "Office", "691"));
        IReadOnlyList<ReportAttempt> attempts = Attempts(path);
        Assert.Equal(["ike-reachability", "ppp-auth"], attempts.Select(a => a.FailedStage).ToArray());
    }
}
