using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Diagnosis;
using Analyzer.Reporting.Building;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Tests.Fixtures;
using Analyzer.Sessions;

namespace Analyzer.Reporting.Tests;

/// <summary>
/// A capture whose file ends inside a record, or that holds no packet, cannot show what is missing:
/// the verdict says so instead of "No problem found", and any other verdict carries the sentence.
/// </summary>
public sealed class IncompleteCaptureVerdictTests
{
    private static Case CaseOf(long frames, long? cutAt = null, long? cutFrame = null)
    {
        var input = new AnalysisInput(0, "/tmp/ticket/client.pcap", "client.pcap", InputKind.Pcap);
        var model = new CaptureModel(input);
        model.Statistics.Frames = frames;
        if (frames > 0)
        {
            // A VPN capture (its frames are IKE): a capture of other traffic only has its own verdict.
            model.Statistics.ByKind[Analyzer.Protocols.Traffic.TrafficKind.Ike] = frames;
        }

        model.Statistics.EndCutAt = cutAt;
        model.Statistics.EndCutFrame = cutFrame;
        return new Case { Inputs = [input], Captures = [model] };
    }

    [Fact]
    public void A_capture_cut_short_inside_a_frame_turns_no_problem_found_into_a_warning_naming_the_frame_and_offset()
    {
        ReportDocument report = ReportBuilder.Build(CaseOf(4, 0x254, 5), new DiagnosisResult(), TestReports.Options());

        Assert.Equal("warning", report.Verdict!.Severity);
        Assert.Equal("A capture is incomplete", report.Verdict.Title);
        Assert.StartsWith("client.pcap ends inside frame 5 (offset 0x254), cut short: whatever was captured after it is missing.", report.Verdict.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("No problem found", report.Verdict.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_without_packets_is_named_as_holding_none_instead_of_no_problem_found()
    {
        ReportDocument report = ReportBuilder.Build(CaseOf(0), new DiagnosisResult(), TestReports.Options());

        Assert.Equal("warning", report.Verdict!.Severity);
        Assert.StartsWith("client.pcap holds no packets.", report.Verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_cut_inside_its_first_record_is_named_as_cut_not_as_holding_no_packets()
    {
        ReportDocument report = ReportBuilder.Build(CaseOf(0, 0x28, 1), new DiagnosisResult(), TestReports.Options());

        Assert.StartsWith("client.pcap ends inside frame 1 (offset 0x28), cut short", report.Verdict!.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("holds no packets", report.Verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capture_that_ends_cleanly_leaves_no_problem_found_as_it_is()
    {
        ReportDocument report = ReportBuilder.Build(CaseOf(16), new DiagnosisResult(), TestReports.Options());

        Assert.Equal("ok", report.Verdict!.Severity);
    }

    [Fact]
    public void An_error_verdict_keeps_its_cause_and_carries_the_missing_part()
    {
        var error = new ReportVerdict("error", "phase1-auth-failed", "Phase 1 authentication was rejected", "PSK.", "Check the key.");
        var context = new BuildContext(CaseOf(15, 0xA14, 15), new DiagnosisResult(), TestReports.Options());

        ReportVerdict verdict = IncompleteCaptureVerdict.Qualify(error, context);

        Assert.Equal("error", verdict.Severity);
        Assert.Equal("phase1-auth-failed", verdict.Rule);
        Assert.Equal("Check the key.", verdict.FirstAction);
        Assert.Equal("PSK. client.pcap ends inside frame 15 (offset 0xA14), cut short: whatever was captured after it is missing.", verdict.Sentence);
    }
}
