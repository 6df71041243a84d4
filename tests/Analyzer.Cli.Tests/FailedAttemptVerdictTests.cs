using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Reporting;
using Analyzer.Reporting.Document;

namespace Analyzer.Cli.Tests;

/// <summary>
/// The verdict agrees with the attempts table (issue 18): a failed attempt is named by a rule, or
/// the verdict says which attempt failed where and that no rule explains it; never "No problem
/// found" above a failed attempt. Single files of two-capture scenarios (each capture alone, each
/// log alone) are where a rule is most often missing, so they are the inputs.
/// </summary>
public sealed class FailedAttemptVerdictTests
{
    public static TheoryData<string> SingleFiles()
    {
        var files = new TheoryData<string>();
        foreach (string scenario in (string[])["udp500-blocked", "natt-udp4500-blocked", "psk-mismatch", "esp-dropped-one-way", "phase2-proposal-mismatch", "libreswan-server-psk-mismatch"])
        {
            string directory = SampleScenarios.PathOf(scenario);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(directory).Where(f => f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".log", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                files.Add(Path.GetRelativePath(SampleScenarios.Directory, file));
            }
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(SingleFiles))]
    public void A_single_file_whose_attempt_failed_never_gets_a_no_problem_verdict(string file)
    {
        ReportDocument document = BuiltInCatalogue.Analyze(Path.Combine(SampleScenarios.Directory, file)).Document;
        ReportVerdict verdict = document.Verdict ?? throw new InvalidOperationException("no verdict");
        List<ReportAttempt> failed = document.Attempts.Where(a => a.FailedStage is not null).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        Assert.NotEqual("No problem found", verdict.Title);
        Assert.Contains(verdict.Severity, (string[])["warning", "error"]);
        if (verdict.Rule is null)
        {
            // No rule: the verdict itself names a failed attempt and its stage.
            Assert.Contains(failed, a => verdict.Title.Contains(a.Id, StringComparison.Ordinal) && verdict.Title.Contains(a.FailedStage!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_server_capture_whose_answer_was_never_followed_names_ike_answer_unacknowledged_and_what_decides()
    {
        string capture = Path.Combine(SampleScenarios.PathOf("udp500-blocked"), "server.pcap");
        Assert.SkipUnless(File.Exists(capture), capture + " is absent");
        ReportDocument document = BuiltInCatalogue.Analyze(capture).Document;
        ReportAttempt attempt = Assert.Single(document.Attempts);
        Assert.Equal("phase1-auth", attempt.FailedStage);
        Assert.Equal("unknown", attempt.Side);
        Assert.Contains("the client's capture or log decides", attempt.SideReason, StringComparison.Ordinal);
        Assert.Equal("ike-answer-unacknowledged", document.Verdict?.Rule);
        Assert.Equal("ike-answer-unacknowledged", attempt.Rule);
        ReportFinding finding = Assert.Single(document.Findings, f => f.Rule == "ike-answer-unacknowledged");
        Assert.Contains("Main Mode message 2, sent 4 times", finding.Summary, StringComparison.Ordinal);
        Assert.Contains(finding.Remediation, step => step.Contains("Allow UDP 500 from 203.0.113.10 back to 198.51.100.20", StringComparison.Ordinal));
        Assert.Contains(finding.Remediation, step => step.Contains("Capture on 198.51.100.20", StringComparison.Ordinal));
    }

    [Fact]
    public void Both_captures_place_the_lost_answer_on_the_path_and_do_not_say_the_client_decides()
    {
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf("udp500-blocked")), "udp500-blocked is absent");
        ReportDocument document = BuiltInCatalogue.Analyze(SampleScenarios.PathOf("udp500-blocked")).Document;
        Assert.Equal("path", Assert.Single(document.Attempts).Side);
        Assert.DoesNotContain(document.Findings, f => f.Rule == "ike-answer-unacknowledged");
    }

    [Fact]
    public void Ike_no_response_with_both_ends_captured_does_not_ask_for_a_server_capture_and_names_the_lost_direction()
    {
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf("udp500-blocked")), "udp500-blocked is absent");
        ReportFinding finding = Assert.Single(BuiltInCatalogue.Analyze(SampleScenarios.PathOf("udp500-blocked")).Document.Findings, f => f.Rule == "ike-no-response");
        Assert.DoesNotContain(finding.Remediation, step => step.StartsWith("Capture on", StringComparison.Ordinal));
        Assert.Contains(finding.Remediation, step => step.Contains("Both ends are captured", StringComparison.Ordinal) && step.Contains("udp500 server→client 3 of 3 sent", StringComparison.Ordinal));
    }

    [Fact]
    public void Ike_no_response_from_the_client_capture_alone_still_asks_for_a_capture_on_the_server()
    {
        string capture = Path.Combine(SampleScenarios.PathOf("udp500-blocked"), "client.pcap");
        Assert.SkipUnless(File.Exists(capture), capture + " is absent");
        ReportFinding finding = Assert.Single(BuiltInCatalogue.Analyze(capture).Document.Findings, f => f.Rule == "ike-no-response");
        Assert.Contains(finding.Remediation, step => step.StartsWith("Capture on 203.0.113.10", StringComparison.Ordinal));
    }

    [Fact]
    public void A_capture_that_ends_right_after_quick_mode_leaves_esp_unknown_instead_of_failed()
    {
        // healthy-psk's client capture cut after its first ESP packet (frame 12), 0.08 s after Quick Mode 3.
        string source = Path.Combine(SampleScenarios.PathOf("healthy-psk"), "client.pcap");
        Assert.SkipUnless(File.Exists(source), source + " is absent");
        string cut = Path.Combine(Path.GetTempPath(), $"vpndiag-cut-after-qm-{Environment.ProcessId}.pcap");
        try
        {
            Keep(source, cut, 12);
            ReportDocument document = BuiltInCatalogue.Analyze(cut).Document;
            ReportAttempt attempt = Assert.Single(document.Attempts);
            ReportAttemptStage esp = Assert.Single(attempt.Stages, s => s.Stage == "esp");
            Assert.Equal("unknown", esp.Outcome);
            Assert.Contains(esp.Evidence, e => e.Text.Contains("the capture ends 0.1 s after Quick Mode: too soon to see ESP", StringComparison.Ordinal));
            Assert.Null(attempt.FailedStage);
            Assert.DoesNotContain(document.Findings, f => f.Rule == "esp-not-received");
        }
        finally
        {
            File.Delete(cut);
        }
    }

    [Fact]
    public void A_capture_that_runs_on_after_quick_mode_with_esp_one_way_still_fails_the_esp_stage()
    {
        string capture = Path.Combine(SampleScenarios.PathOf("esp-dropped-one-way"), "client.pcap");
        Assert.SkipUnless(File.Exists(capture), capture + " is absent");
        ReportAttempt attempt = Assert.Single(BuiltInCatalogue.Analyze(capture).Document.Attempts);
        Assert.Equal("esp", attempt.FailedStage);
    }

    /// <summary>Copies the first <paramref name="frames"/> frames of a capture.</summary>
    private static void Keep(string source, string target, int frames)
    {
        using CaptureReader reader = CaptureReader.Open(source);
        using FileStream output = File.Create(target);
        using var writer = new PcapWriter(output, LinkType.Ethernet);
        for (int i = 0; i < frames && reader.TryReadFrame(out CapturedFrame frame); i++)
        {
            writer.WritePacket(frame.Time, frame.Data.ToArray());
        }
    }
}
