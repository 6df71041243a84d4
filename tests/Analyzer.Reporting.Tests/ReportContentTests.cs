using Analyzer.Reporting.Document;
using Analyzer.Reporting.Html;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Markdown;
using Analyzer.Reporting.Tests.Fixtures;

namespace Analyzer.Reporting.Tests;

/// <summary>What the report says and in which order: verdict first, evidence with filters, details, inputs last.</summary>
public sealed class ReportContentTests
{
    [Fact]
    public void Verdict_is_the_first_warning_or_error_finding_with_its_first_remediation()
    {
        ReportDocument document = TestReports.Synthetic();

        Assert.NotNull(document.Verdict);
        Assert.Equal("ike-no-response", document.Verdict.Rule);
        Assert.Equal("error", document.Verdict.Severity);
        Assert.Equal("Allow UDP 500 and 4500 between the client and the server.", document.Verdict.FirstAction);
    }

    [Fact]
    public void Pptp_anomalies_are_typed_in_json()
    {
        ReportDocument document = ReportBuilder.Build(SyntheticCase.Build(hostile: false), SyntheticCase.Diagnosis(hostile: false), TestReports.Options());

        ReportAnomaly anomaly = Assert.Single(Assert.Single(document.Pptp.Connections).Anomalies);
        Assert.Equal((12L, "malformed-control-message", "PPTP control: BadMagic"), (anomaly.Frame, anomaly.Kind, anomaly.Detail));
        ReportJsonSchemaTests.AssertValid(document);
        using var json = System.Text.Json.JsonDocument.Parse(Json.JsonReportWriter.ToJson(document));
        System.Text.Json.JsonElement written = json.RootElement.GetProperty("pptp").GetProperty("connections")[0].GetProperty("anomalies")[0];
        Assert.Equal("malformed-control-message", written.GetProperty("kind").GetString());
        Assert.Equal(12, written.GetProperty("frame").GetInt64());
        Assert.Equal("Start-Control-Connection-Reply", document.Pptp.Connections[0].ControlMessages[1].Type);
        Assert.Equal("1 (Successful channel establishment)", document.Pptp.Connections[0].ControlMessages[1].Result);
    }

    [Fact]
    public void Without_findings_and_without_a_failed_attempt_the_verdict_says_nothing_was_found()
    {
        Correlation.Case @case = SyntheticCase.Build(false);
        @case.Attempts.Attempts.Clear();
        ReportDocument document = ReportBuilder.Build(@case, new Diagnosis.DiagnosisResult(), TestReports.Options());

        Assert.Equal("ok", document.Verdict!.Severity);
        Assert.Null(document.Verdict.Rule);
    }

    [Fact]
    public void Without_findings_a_failed_attempt_makes_the_verdict_a_warning_that_names_it()
    {
        ReportDocument document = ReportBuilder.Build(SyntheticCase.Build(false), new Diagnosis.DiagnosisResult(), TestReports.Options());
        var failed = document.Attempts.Where(a => a.FailedStage is not null).ToList();

        Assert.Equal(2, failed.Count);
        Assert.Equal("warning", document.Verdict!.Severity);
        Assert.Null(document.Verdict.Rule);
        Assert.Equal("2 attempts failed (A1 at ppp-auth, A2 at ike-reachability) and no rule explains them", document.Verdict.Title);
    }

    [Fact]
    public void An_SA_longer_than_the_message_limit_says_in_every_format_how_many_messages_are_not_listed()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: false);
        @case.Captures[0].IkeSas[0].MessagesNotListed = 1234;
        ReportDocument document = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options());

        Assert.Equal(1234, document.Ike.Sas[0].MessagesNotListed);
        Assert.Equal(0, TestReports.Synthetic().Ike.Sas[0].MessagesNotListed);
        ReportJsonSchemaTests.AssertValid(document);
        Assert.Contains("\"messagesNotListed\": 1234", Json.JsonReportWriter.ToJson(document), StringComparison.Ordinal);
        Assert.Contains("1234 between them are not listed", MarkdownReportWriter.ToMarkdown(document), StringComparison.Ordinal);
    }

    [Fact]
    public void Past_the_record_limit_the_report_lists_the_records_that_matter_first_and_counts_the_rest()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: false);
        @case.Events.Reverse(); // the uninterpreted RasClient record now comes before the cited, correlated failure
        ReportDocument document = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options() with { MaxEventRecordsListed = 1 });

        ReportEventRecord listed = Assert.Single(document.Events.Records);
        Assert.Equal(4711, listed.RecordId);
        Assert.Equal(1, document.Events.RecordsNotListed);
        ReportJsonSchemaTests.AssertValid(document);
        Assert.Contains("1 of 2 records are in this report", MarkdownReportWriter.ToMarkdown(document), StringComparison.Ordinal);

        ReportDocument all = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options());
        Assert.Equal([4712L, 4711L], all.Events.Records.Select(r => r.RecordId));
        Assert.Equal(0, all.Events.RecordsNotListed);
    }

    [Fact]
    public void Past_the_SA_limit_the_report_lists_cited_and_failed_SAs_first_and_counts_the_rest()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: false);
        int total = @case.Captures.Sum(c => c.IkeSas.Count);

        // An established SA that no finding cites, first in capture order: the first to give way.
        var quiet = new Sessions.Ike.IkeSa
        {
            Version = 1,
            InitiatorCookie = 0xAA,
            Initiator = SyntheticCase.Client,
            Responder = SyntheticCase.Server,
            State = Sessions.Ike.IkeSaState.Established,
        };
        quiet.Messages.Add(new Sessions.Ike.IkeMessage
        {
            Frame = new Core.FrameRef(0, 100, SyntheticCase.Start),
            From = SyntheticCase.Client,
            To = SyntheticCase.Server,
            Exchange = Sessions.Ike.IkeExchangeKind.MainMode,
        });
        @case.Captures[0].IkeSas.Insert(0, quiet);

        ReportDocument document = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options() with { MaxIkeSasListed = total });
        Assert.Equal(total, document.Ike.Sas.Count);
        Assert.DoesNotContain(document.Ike.Sas, sa => sa.InitiatorCookie.EndsWith("aa", StringComparison.Ordinal));
        Assert.Equal(1, document.Ike.SasNotListed);
        Assert.DoesNotContain(document.Timeline, t => t.Frame == 100);
        ReportJsonSchemaTests.AssertValid(document);
        Assert.Contains($"{total} of {total + 1} IKE SAs are in this report", MarkdownReportWriter.ToMarkdown(document), StringComparison.Ordinal);

        ReportDocument all = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options());
        Assert.Equal(total + 1, all.Ike.Sas.Count);
        Assert.Equal(0, all.Ike.SasNotListed);
        Assert.Contains(all.Timeline, t => t.Frame == 100);
    }

    [Fact]
    public void Markdown_sections_come_in_reading_order()
    {
        string markdown = MarkdownReportWriter.ToMarkdown(TestReports.Synthetic());
        string[] order = ["## Verdict", "## Findings", "## IKE security associations", "## L2TP tunnels", "## Paths between vantage points", "## Timeline", "## Event log records", "## Inputs and warnings"];

        int previous = -1;
        foreach (string heading in order)
        {
            int at = markdown.IndexOf(heading, StringComparison.Ordinal);
            Assert.True(at > previous, heading + " out of order");
            previous = at;
        }
    }

    [Fact]
    public void Evidence_without_a_filter_gets_a_frame_number_filter()
    {
        ReportDocument document = TestReports.Synthetic();
        ReportEvidence evidence = document.Findings[0].Evidence[1];

        Assert.Equal(9, evidence.Frame);
        Assert.Equal("frame.number == 9", evidence.DisplayFilter);
        Assert.Equal("isakmp.ispi == 01:02:03:04:05:06:07:08", document.Findings[0].Evidence[0].DisplayFilter);
        Assert.Equal(4711, document.Findings[0].Evidence[2].Record);
    }

    [Fact]
    public void Diagnostics_are_listed_with_the_input_they_name_and_the_rest_apart()
    {
        ReportDocument document = TestReports.Synthetic();

        ReportWarning warning = Assert.Single(document.Inputs[0].Warnings);
        Assert.Equal(0x1F3A0, warning.Offset);
        Assert.Equal(812, warning.Frame);
        Assert.Single(document.Warnings);
        Assert.Equal(40, document.Inputs[0].Packets);
        Assert.Null(document.Inputs[0].Records);
        Assert.Equal(2, document.Inputs[2].Records);
        Assert.Null(document.Inputs[2].Packets);
    }

    [Fact]
    public void Timeline_merges_capture_messages_and_events_in_time_order_with_corrected_log_times()
    {
        ReportDocument document = TestReports.Synthetic();

        var times = document.Timeline.Select(t => IsoSeconds(t.CorrectedTime ?? t.Time)).ToList();
        Assert.Equal(times.Order().ToList(), times);
        ReportTimelineEntry failure = Assert.Single(document.Timeline, t => t.Record == 4711);
        Assert.True(failure.Failure);
        Assert.NotNull(failure.CorrectedTime);
        Assert.Contains(document.Timeline, t => t.Source == "l2tp" && t.Text.Contains("StopCCN", StringComparison.Ordinal));
        Assert.Contains(document.Timeline, t => t.Source == "ppp" && t.Failure);
    }

    [Fact]
    public void Event_data_is_an_object_when_named_and_an_array_when_positional()
    {
        string json = JsonReportWriter.ToJson(TestReports.Synthetic());

        Assert.Contains("\"TargetUserName\": \"CORP\\\\annsmith\"", json, StringComparison.Ordinal);
        Assert.Contains("\"data\": [\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_uses_the_contract_names_and_formats()
    {
        string json = JsonReportWriter.ToJson(TestReports.Synthetic());

        foreach (string name in (string[])["\"schemaVersion\": 1", "\"initiatorCookie\": \"0102030405060708\"", "\"controlMessages\"", "\"tunnelIds\"", "\"lostFrames\"",
            "\"clockOffsetSeconds\": 0.25", "\"retransmission\": true", "\"recordId\": 4711", "\"generatedAt\": \"2026-11-24T10:00:00Z\""])
        {
            Assert.Contains(name, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Html_is_self_contained_with_a_script_forbidding_policy_and_one_diagram_per_sa_tunnel_path_and_timeline()
    {
        ReportDocument document = TestReports.Synthetic();
        string html = HtmlReportWriter.ToHtml(document);

        Assert.Contains("http-equiv=\"Content-Security-Policy\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"http", html, StringComparison.OrdinalIgnoreCase);
        int diagrams = html.Split("<svg ").Length - 1;
        Assert.Equal(document.Ike.Sas.Count + document.L2tp.Tunnels.Count + document.Paths.Count + 1, diagrams);
        Assert.DoesNotContain("vpndiag-diagram", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Ike_ladder_marks_retransmissions_the_unanswered_message_and_lost_fragments()
    {
        string svg = new DiagramSet(TestReports.Synthetic()).Svg("ike-0")!;

        Assert.Contains("ld-retx", svg, StringComparison.Ordinal);
        Assert.Contains("no answer", svg, StringComparison.Ordinal);
        Assert.Contains("IP fragments lost", svg, StringComparison.Ordinal);
        Assert.Contains("ld-cross", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Path_ladder_has_two_lanes_per_side_and_shows_where_packets_vanished()
    {
        string svg = new DiagramSet(TestReports.Synthetic()).Svg("path-0")!;

        Assert.Equal(4, svg.Split("class=\"ld-lifeline\"").Length - 1);
        Assert.Contains("10 of 10 lost in between", svg, StringComparison.Ordinal);
        Assert.Contains("frame 20 never arrived", svg, StringComparison.Ordinal);
        Assert.Contains("arrived changed", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_diagram_key_draws_nothing()
    {
        var diagrams = new DiagramSet(TestReports.Synthetic());

        Assert.Null(diagrams.Svg("ike-7"));
        Assert.Null(diagrams.Svg("bogus"));
    }

    [Fact]
    public void A_capture_with_many_sas_keeps_the_markdown_and_ladders_bounded()
    {
        ReportDocument one = TestReports.Synthetic();
        Document.ReportIkeSa sa = one.Ike.Sas[0];
        var longSa = sa with { Messages = [.. Enumerable.Range(0, 600).Select(i => sa.Messages[i % sa.Messages.Count] with { Frame = i + 1 })] };
        ReportDocument many = one with { Ike = new Document.IkeReport { Sas = [.. Enumerable.Repeat(longSa, 80)] } };

        string markdown = MarkdownReportWriter.ToMarkdown(many);
        string svg = new DiagramSet(many).Svg("ike-0")!;

        Assert.Contains("*30 more IKE SAs are in the JSON and CSV reports.*", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("IKE SA 51:", markdown, StringComparison.Ordinal);
        int omitted = 600 + sa.IncompleteDatagrams.Count - LadderDiagram.MaxSteps;
        Assert.Contains($"… {omitted} more messages", svg, StringComparison.Ordinal);
    }

    private static double IsoSeconds(string iso) => DateTimeOffset.Parse(iso[..Math.Min(iso.Length, 27)].TrimEnd('Z') + "Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds() / 1000.0;
}
