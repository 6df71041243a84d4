using Analyzer.Reporting.Building;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Tests;

/// <summary>
/// The snapshot-length caveat qualifies whichever verdict stands, and comes after the failed-attempt
/// safety net, so a cut capture with a failed attempt no rule explains never reads "No failure was found".
/// </summary>
public sealed class SnapLengthVerdictTests
{
    private const string Blindness = "client.pcap was taken with snaplen 96; its IKE payloads are cut (4 message(s), first at frame 1); recapture with -s 0.";

    private static readonly ReportVerdict NoProblem = FindingsSection.Verdict([]);

    [Fact]
    public void No_problem_found_in_a_cut_capture_becomes_a_warning_that_the_inputs_cannot_show_one()
    {
        ReportVerdict verdict = FindingsSection.WithSnapLengthBlindness(NoProblem, Blindness);
        Assert.Equal("warning", verdict.Severity);
        Assert.Equal("The capture cannot show IKE payloads", verdict.Title);
        Assert.StartsWith(Blindness, verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("-s 0", verdict.FirstAction!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_attempt_no_rule_explains_keeps_its_verdict_and_gains_the_caveat_instead_of_no_failure_was_found()
    {
        var attempt = new ReportAttempt
        {
            Id = "A1",
            Client = "198.51.100.20:500",
            Server = "203.0.113.10:500",
            Ike = new ReportAttemptIke { Version = 1, Mode = "main" },
            Stages = [new ReportAttemptStage { Stage = "phase1-auth", Outcome = "failed", Evidence = [] }],
            FailedStage = "phase1-auth",
            Side = "unknown",
            Findings = [],
        };

        ReportVerdict verdict = FindingsSection.WithSnapLengthBlindness(FailedAttemptVerdict.Guard(NoProblem, [attempt], []), Blindness);
        Assert.Equal("warning", verdict.Severity);
        Assert.Equal("Attempt A1 failed at phase1-auth and no rule explains it", verdict.Title);
        Assert.EndsWith(Blindness, verdict.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("No failure was found", verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void An_information_verdict_over_a_cut_capture_becomes_a_warning_whose_first_action_is_to_capture_again()
    {
        var info = new ReportVerdict("info", "nat-detected", "A NAT sits between the peers", "NAT.", "Nothing to do.");
        ReportVerdict verdict = FindingsSection.WithSnapLengthBlindness(info, Blindness);
        Assert.Equal("warning", verdict.Severity);
        Assert.Equal("nat-detected", verdict.Rule);
        Assert.Equal("NAT. " + Blindness, verdict.Sentence);
        Assert.Contains("-s 0", verdict.FirstAction!, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_verdict_keeps_its_cause_and_action_and_carries_the_caveat()
    {
        var error = new ReportVerdict("error", "phase1-auth-failed", "PSK", "Keys differ.", "Enter the same key.");
        ReportVerdict verdict = FindingsSection.WithSnapLengthBlindness(error, Blindness);
        Assert.Equal(error with { Sentence = "Keys differ. " + Blindness }, verdict);
        Assert.Same(error, FindingsSection.WithSnapLengthBlindness(error, null));
    }
}
