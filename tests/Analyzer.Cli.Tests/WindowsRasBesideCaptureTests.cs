using Analyzer.Reporting;
using Analyzer.Reporting.Document;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Windows RAS events beside a capture join the captured attempt they report on (issue 18): a
/// RasClient dial by the server address its 20222 names, a RemoteAccess 20271 by the client address
/// it names, each only when its time falls within the attempt. The events' stage fills a stage the
/// capture left open and never overrides one the capture decided. The events are constructed (no
/// public RasClient log of a captured dial exists); the capture is the lab's ikev2-ts-refused server
/// capture alone, whose IKE_AUTH is encrypted without its keys (2026-12-07 05:40:10 UTC).
/// </summary>
public sealed class WindowsRasBesideCaptureTests
{
    private const string Dial = "{11111111-2222-3333-4444-555555555555}";

    private static string Event(string provider, int id, string time, long recordId, string data, string binary = "") =>
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='" + provider + "' /><EventID Qualifiers='0'>" + id
        + "</EventID><Level>2</Level><TimeCreated SystemTime='" + time + "' /><EventRecordID>" + recordId + "</EventRecordID><Channel>Application</Channel><Computer>HOST</Computer></System><EventData>"
        + string.Concat(data.Split('|').Select(d => "<Data>" + d + "</Data>")) + (binary.Length > 0 ? "<Binary>" + binary + "</Binary>" : "") + "</EventData></Event>";

    /// <summary>The server capture copied into a fresh directory (no key table beside it) with the events written there.</summary>
    private static ReportDocument Analyze(params string[] events)
    {
        string source = Path.Combine(SampleScenarios.PathOf("ikev2-ts-refused"), "server.pcap");
        Assert.SkipUnless(File.Exists(source), source + " is absent");
        string directory = Directory.CreateTempSubdirectory("vpndiag-ras-capture-").FullName;
        try
        {
            string capture = Path.Combine(directory, "server.pcap");
            File.Copy(source, capture);
            string log = Path.Combine(directory, "events.xml");
            File.WriteAllText(log, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n" + string.Join("\n", events) + "\n</Events>\n");
            return BuiltInCatalogue.Analyze(capture, log).Document;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_rasclient_dial_naming_the_captured_server_joins_that_attempt_and_its_13801_fills_the_authentication_the_capture_left_open()
    {
        ReportDocument document = Analyze(
            Event("RasClient", 20222, "2026-12-07T05:40:10.100000000Z", 1, Dial + "|CLIENT\\alice|Office|203.0.113.10|WAN Miniport (IKEv2)"),
            Event("RasClient", 20227, "2026-12-07T05:40:12.000000000Z", 2, Dial + "|CLIENT\\alice|Office|13801"));
        ReportAttempt attempt = Assert.Single(document.Attempts);
        Assert.Equal(2, attempt.RecordsTotal);
        Assert.Contains(attempt.Views, v => v.Input.EndsWith("events.xml", StringComparison.Ordinal) && v.Match?.Text.Contains("RasClient", StringComparison.Ordinal) == true);
        Assert.Equal("phase1-auth", attempt.FailedStage);
        Assert.Equal("passed", attempt.Stages.Single(s => s.Stage == "ike-reachability").Outcome);
    }

    [Fact]
    public void A_rasclient_809_joins_the_captured_attempt_without_overriding_the_reachability_the_capture_observed()
    {
        ReportDocument document = Analyze(
            Event("RasClient", 20222, "2026-12-07T05:40:10.100000000Z", 1, Dial + "|CLIENT\\alice|Office|203.0.113.10|WAN Miniport (IKEv2)"),
            Event("RasClient", 20227, "2026-12-07T05:40:40.000000000Z", 2, Dial + "|CLIENT\\alice|Office|809"));
        ReportAttempt attempt = Assert.Single(document.Attempts);
        Assert.Equal(2, attempt.RecordsTotal);
        Assert.Equal("passed", attempt.Stages.Single(s => s.Stage == "ike-reachability").Outcome);
    }

    [Fact]
    public void A_remote_access_20271_naming_the_captured_client_joins_that_attempt()
    {
        ReportDocument document = Analyze(
            Event("RemoteAccess", 20271, "2026-12-07T05:40:11.000000000Z", 7, "{NA}|alice|198.51.100.20|The remote connection was denied.|0x10", "B3020000"));
        ReportAttempt attempt = Assert.Single(document.Attempts);
        Assert.Equal(1, attempt.RecordsTotal);
        Assert.Contains(attempt.Views, v => v.Input.EndsWith("events.xml", StringComparison.Ordinal) && v.Match?.Text.Contains("RemoteAccess", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_dial_to_a_host_name_or_outside_the_attempt_s_time_is_not_joined_to_the_captured_attempt()
    {
        ReportDocument byName = Analyze(
            Event("RasClient", 20222, "2026-12-07T05:40:10.100000000Z", 1, Dial + "|CLIENT\\alice|Office|vpn.example.net|WAN Miniport (IKEv2)"),
            Event("RasClient", 20227, "2026-12-07T05:40:12.000000000Z", 2, Dial + "|CLIENT\\alice|Office|13801"));
        Assert.DoesNotContain(byName.Attempts, a => a.Ike.Version == 2 && a.RecordsTotal > 0);

        ReportDocument later = Analyze(
            Event("RasClient", 20222, "2026-12-07T07:40:10.100000000Z", 1, Dial + "|CLIENT\\alice|Office|203.0.113.10|WAN Miniport (IKEv2)"),
            Event("RasClient", 20227, "2026-12-07T07:40:12.000000000Z", 2, Dial + "|CLIENT\\alice|Office|13801"));
        Assert.DoesNotContain(later.Attempts, a => a.Ike.Version == 2 && a.RecordsTotal > 0);
    }

    [Fact]
    public void A_ras_only_dial_to_a_host_name_shows_that_name_labelled_as_the_server_and_redaction_replaces_it()
    {
        string directory = Directory.CreateTempSubdirectory("vpndiag-ras-host-").FullName;
        try
        {
            string log = Path.Combine(directory, "client-application.xml");
            File.WriteAllText(log, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n"
                + Event("RasClient", 20222, "2026-12-07T10:00:00.000000000Z", 1, Dial + "|CLIENT\\alice|Office|vpn.example.net|WAN Miniport (L2TP)") + "\n"
                + Event("RasClient", 20227, "2026-12-07T10:00:30.000000000Z", 2, Dial + "|CLIENT\\alice|Office|809") + "\n</Events>\n");
            ReportDocument document = BuiltInCatalogue.Analyze(log).Document;
            ReportAttempt attempt = Assert.Single(document.Attempts);
            Assert.Null(attempt.Server);
            Assert.Equal("vpn.example.net", attempt.ServerHost);
            string row = Analyzer.Reporting.Markdown.MarkdownReportWriter.ToMarkdown(document).Split('\n').First(line => line.StartsWith("| A1 |", StringComparison.Ordinal));
            Assert.Contains("vpn.example.net (host name)", row, StringComparison.Ordinal);

            string output = Path.Combine(directory, "redacted.json");
            (int exit, _, string error) = CliRunner.Run("analyze", log, "--redact", "--format", "json", "-o", output);
            Assert.True(exit is 0 or 1, error);
            string json = File.ReadAllText(output);
            Assert.DoesNotContain("example.net", json, StringComparison.Ordinal);
            Assert.Contains("\"serverHost\"", json, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
