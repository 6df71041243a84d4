using Analyzer.Correlation.Attempts;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>
/// The verdict when an attempt stopped at an exchange that only keys can read (issue 18): IKE_AUTH
/// answered but encrypted, and no ESP or later exchange after it. A success and an
/// AUTHENTICATION_FAILED look the same on the wire, so no rule can fire either way, and a verdict
/// led by an information finding ("a NAT sits between the peers") would read as "all is well". The
/// correlation stage decides which stage is undecided and which keys decide it
/// (<see cref="ConnectionAttempt.Undecided"/>); this says so on top and how to get them, as the
/// failed-attempt safety net does for a failure no rule explains.
/// </summary>
internal static class UndecidedAttemptVerdict
{
    public const string HowToGetKeys =
        "Wireshark's ikev2_decryption_table (ISAKMP protocol preferences), or a strongSwan charon log written at ike 4 for one test connection, "
        + "given with --keys FILE or put beside the capture (vpndiag recognises key files by content); the responder's own log (charon, pluto, Windows events 4653/20227) also tells how authentication ended.";

    /// <summary>The verdict kept (an error), extended (a warning) or replaced (ok, info) when some attempt stopped undecided.</summary>
    public static ReportVerdict Guard(ReportVerdict verdict, IReadOnlyList<ReportAttempt> attempts, AttemptSet set)
    {
        if (verdict.Severity == "error")
        {
            return verdict;
        }

        var undecided = new List<(ReportAttempt Attempt, StageVerdict Stage)>();
        foreach (ConnectionAttempt attempt in set.Attempts)
        {
            if (attempt.Undecided is StageVerdict stage && attempts.FirstOrDefault(a => a.Id == attempt.Id) is ReportAttempt shown)
            {
                undecided.Add((shown, stage));
            }
        }

        if (undecided.Count == 0)
        {
            return verdict;
        }

        (ReportAttempt first, StageVerdict firstStage) = undecided[0];
        string stageName = AttemptNames.Stage(firstStage.Stage);
        string keys = firstStage.UndecidedWithout ?? "the keys";
        string sentence = Sentence(first, stageName, keys, undecided.Count);
        string action = $"Get {keys} of this connection (Wireshark's ikev2_decryption_table, or a charon log at ike 4 for one test connection) and analyse again with --keys FILE, or with the key file beside the capture.";
        if (verdict.Severity == "warning")
        {
            return verdict with { Sentence = verdict.Sentence + " " + sentence };
        }

        string title = undecided.Count == 1
            ? $"Attempt {first.Id} stopped at {stageName}: its outcome cannot be decided without {keys}"
            : $"{undecided.Count} attempts stopped at an encrypted exchange ({string.Join(", ", undecided.Select(u => u.Attempt.Id + " at " + AttemptNames.Stage(u.Stage.Stage)))}): their outcome cannot be decided without keys";
        return new ReportVerdict("warning", null, title, sentence, action);
    }

    private static string Sentence(ReportAttempt attempt, string stage, string keys, int count)
    {
        string evidence = StageLeadEvidence.Of(attempt, stage);
        string reached = attempt.Reached is string passed ? $"got as far as {passed} and " : "";
        string others = count > 1 ? $" {count - 1} more attempt(s) stopped the same way; the attempts table lists them." : "";
        return $"Attempt {attempt.Id} ({attempt.Client ?? "?"} → {attempt.ServerShown}) {reached}stopped at {stage}{evidence}. "
            + $"While that exchange is encrypted a success and a refusal look the same, so these inputs cannot tell whether the connection works. What decides it: {keys}, as {HowToGetKeys}"
            + others;
    }
}
