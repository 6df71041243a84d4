using Analyzer.Reporting.Building;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Tests;

/// <summary>The verdict's safety net: a failed attempt that no warning or error finding explains is named in the verdict.</summary>
public sealed class FailedAttemptVerdictGuardTests
{
    private static readonly ReportVerdict NoProblem = new("ok", null, "No problem found", "vpndiag found no sign of a failure in these inputs.", null);

    private static ReportAttempt Failed(string id, params string[] findings) => new()
    {
        Id = id,
        Client = "198.51.100.20:500",
        Server = "203.0.113.10:500",
        Ike = new ReportAttemptIke { Version = 1, Mode = "main" },
        Stages =
        [
            new ReportAttemptStage
            {
                Stage = "phase1-auth",
                Outcome = "failed",
                Evidence = [new ReportEvidence { Input = "server.pcap", Frame = 12, Text = "message 2 never answered", Kind = "observed" }],
            },
        ],
        FailedStage = "phase1-auth",
        Side = "unknown",
        Findings = findings,
        Rule = findings.FirstOrDefault(),
    };

    private static ReportFinding Finding(string rule, string severity) =>
        new() { Rule = rule, Title = rule, Severity = severity, Category = "negotiation", Summary = rule };

    [Fact]
    public void A_failed_attempt_without_a_finding_turns_no_problem_found_into_a_warning_naming_the_attempt_stage_and_evidence()
    {
        ReportVerdict verdict = FailedAttemptVerdict.Guard(NoProblem, [Failed("A1")], []);
        Assert.Equal("warning", verdict.Severity);
        Assert.Null(verdict.Rule);
        Assert.Equal("Attempt A1 failed at phase1-auth and no rule explains it", verdict.Title);
        Assert.Contains("198.51.100.20:500 → 203.0.113.10:500", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("side unknown: message 2 never answered (server.pcap frame 12)", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("No rule of the catalogue matches this failure", verdict.Sentence, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(verdict.FirstAction));
    }

    [Fact]
    public void An_information_verdict_above_a_failed_attempt_whose_only_finding_is_information_is_replaced()
    {
        var info = new ReportVerdict("info", "aggressive-mode", "Aggressive Mode", "…", null);
        ReportVerdict verdict = FailedAttemptVerdict.Guard(info, [Failed("A2", "aggressive-mode")], [Finding("aggressive-mode", "info")]);
        Assert.Equal("warning", verdict.Severity);
        Assert.StartsWith("Attempt A2 failed at phase1-auth", verdict.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_verdict_is_kept_when_a_warning_or_error_finding_is_about_the_failed_attempt_or_nothing_failed()
    {
        var error = new ReportVerdict("error", "phase1-auth-failed", "PSK", "…", "fix it");
        Assert.Same(error, FailedAttemptVerdict.Guard(error, [Failed("A1", "phase1-auth-failed")], [Finding("phase1-auth-failed", "error")]));
        ReportAttempt healthy = Failed("A1") with { FailedStage = null };
        Assert.Same(NoProblem, FailedAttemptVerdict.Guard(NoProblem, [healthy], []));
    }

    [Fact]
    public void Several_unexplained_failed_attempts_are_listed_in_the_title()
    {
        ReportVerdict verdict = FailedAttemptVerdict.Guard(NoProblem, [Failed("A1"), Failed("A3")], []);
        Assert.Equal("2 attempts failed (A1 at phase1-auth, A3 at phase1-auth) and no rule explains them", verdict.Title);
    }

    [Fact]
    public void A_warning_verdict_whose_rule_explains_no_failed_stage_gives_way_to_the_safety_net_and_is_named_in_its_sentence()
    {
        var weak = new ReportVerdict("warning", "weak-crypto", "Weak algorithms offered or chosen", "…", "remove them");
        ReportAttempt unanswered = Failed("A1", "weak-crypto") with { FailedStage = "ike-reachability", Rule = null };
        ReportVerdict verdict = FailedAttemptVerdict.Guard(weak, [unanswered], [Finding("weak-crypto", "warning")]);
        Assert.Equal("Attempt A1 failed at ike-reachability and no rule explains it", verdict.Title);
        Assert.Contains("The leading warning, \"Weak algorithms offered or chosen\" (weak-crypto), does not explain a failure at that stage", verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_warning_verdict_that_is_a_failed_attempt_s_cause_stands_beside_another_unexplained_failure()
    {
        var warning = new ReportVerdict("warning", "esp-ppp-stopped-inferred", "PPP stopped", "…", "look");
        ReportAttempt explained = Failed("A1", "esp-ppp-stopped-inferred") with { FailedStage = "ppp-lcp" };
        ReportVerdict verdict = FailedAttemptVerdict.Guard(warning, [explained, Failed("A2")], [Finding("esp-ppp-stopped-inferred", "warning")]);
        Assert.Same(warning, verdict);
    }
}
