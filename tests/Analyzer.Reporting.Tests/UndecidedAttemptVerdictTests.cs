using Analyzer.Correlation.Attempts;
using Analyzer.Reporting.Building;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Tests;

/// <summary>An attempt stopped at an exchange only keys can read: the verdict says it cannot be decided and how to get the keys.</summary>
public sealed class UndecidedAttemptVerdictTests
{
    private static readonly ReportVerdict Nat = new("info", "nat-detected", "A NAT sits between the peers", "NAT between …", null);

    private static AttemptSet Set(params string[] undecided)
    {
        var set = new AttemptSet();
        foreach (string id in undecided)
        {
            var attempt = new ConnectionAttempt { Id = id };
            attempt[AttemptStage.IkeReachability].Outcome = StageOutcome.Passed;
            attempt[AttemptStage.Phase1Proposal].Outcome = StageOutcome.Passed;
            attempt[AttemptStage.Phase1Auth].Outcome = StageOutcome.Unknown;
            attempt[AttemptStage.Phase1Auth].UndecidedWithout = "the IKEv2 keys";
            set.Attempts.Add(attempt);
        }

        return set;
    }

    private static ReportAttempt Shown(string id) => new()
    {
        Id = id,
        Client = "198.51.100.20:500",
        Server = "203.0.113.10:500",
        Ike = new ReportAttemptIke { Version = 2, Mode = "ike-sa-init" },
        Reached = "phase1-proposal",
        Stages =
        [
            new ReportAttemptStage
            {
                Stage = "phase1-auth",
                Outcome = "unknown",
                Evidence = [new ReportEvidence { Input = "server.pcap", Text = "IKE_AUTH answered, encrypted and not decrypted", Kind = "observed" }],
            },
        ],
        Side = "unknown",
    };

    [Fact]
    public void An_information_verdict_above_an_undecided_attempt_becomes_a_warning_that_names_the_stage_the_keys_and_how_to_get_them()
    {
        ReportVerdict verdict = UndecidedAttemptVerdict.Guard(Nat, [Shown("A1")], Set("A1"));
        Assert.Equal("warning", verdict.Severity);
        Assert.Null(verdict.Rule);
        Assert.Equal("Attempt A1 stopped at phase1-auth: its outcome cannot be decided without the IKEv2 keys", verdict.Title);
        Assert.Contains("Attempt A1 (198.51.100.20:500 → 203.0.113.10:500) got as far as phase1-proposal and stopped at phase1-auth: IKE_AUTH answered, encrypted and not decrypted.", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("--keys FILE", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("charon log written at ike 4", verdict.Sentence, StringComparison.Ordinal);
        Assert.StartsWith("Get the IKEv2 keys of this connection", verdict.FirstAction, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_verdict_stands_and_a_warning_verdict_keeps_its_title_and_gains_the_sentence()
    {
        var error = new ReportVerdict("error", "phase2-rejected", "Quick Mode", "…", "fix");
        Assert.Same(error, UndecidedAttemptVerdict.Guard(error, [Shown("A1")], Set("A1")));
        var warning = new ReportVerdict("warning", "weak-crypto", "Weak algorithms", "Weak.", "remove them");
        ReportVerdict extended = UndecidedAttemptVerdict.Guard(warning, [Shown("A1")], Set("A1"));
        Assert.Equal("Weak algorithms", extended.Title);
        Assert.StartsWith("Weak. Attempt A1", extended.Sentence, StringComparison.Ordinal);
        Assert.Equal("remove them", extended.FirstAction);
    }

    [Fact]
    public void Several_undecided_attempts_are_listed_in_the_title_and_none_leaves_the_verdict_alone()
    {
        ReportVerdict verdict = UndecidedAttemptVerdict.Guard(Nat, [Shown("A1"), Shown("A2")], Set("A1", "A2"));
        Assert.Equal("2 attempts stopped at an encrypted exchange (A1 at phase1-auth, A2 at phase1-auth): their outcome cannot be decided without keys", verdict.Title);
        Assert.Same(Nat, UndecidedAttemptVerdict.Guard(Nat, [Shown("A1")], new AttemptSet()));
    }
}
