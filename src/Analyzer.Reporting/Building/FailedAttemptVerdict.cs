using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>
/// The verdict's safety net (issue 18): the attempts table is the correlation stage's answer to
/// "how far did it get", the verdict is the rules' answer to "why". When an attempt failed and no
/// warning or error finding is about it, no rule matched that failure; the verdict must not then
/// read "No problem found" (or lead with an information finding) above a table that shows a failed
/// attempt. It names the attempt, its failing stage and side, the stage's evidence, and says that no
/// rule explains it. A finding explains the failure only when its rule lists the failed stage
/// (rule key <c>stages</c>), which is what the attempt's <c>rule</c> carries.
/// </summary>
internal static class FailedAttemptVerdict
{
    /// <summary>
    /// The verdict kept, or replaced when an attempt failed without a finding that says why and the
    /// verdict is neither an error nor a warning that is some failed attempt's cause.
    /// </summary>
    public static ReportVerdict Guard(ReportVerdict verdict, IReadOnlyList<ReportAttempt> attempts, IReadOnlyList<ReportFinding> findings)
    {
        if (verdict.Severity == "error")
        {
            return verdict;
        }

        // The attempt's rule is set only from a finding whose rule lists the failed stage (AttemptsSection.Lead).
        var unexplained = attempts.Where(a => a.FailedStage is not null && !(a.Rule is string rule && Explains(rule, findings))).ToList();
        if (unexplained.Count == 0)
        {
            return verdict;
        }

        // A warning that is some failed attempt's cause stands; one that explains no failure (weak
        // algorithms offered in an IKE_SA_INIT nobody answered) would read as the failure's cause.
        if (verdict.Severity == "warning" && (verdict.Rule is null || attempts.Any(a => a.FailedStage is not null && a.Rule == verdict.Rule)))
        {
            return verdict;
        }

        ReportAttempt first = unexplained[0];
        string title = unexplained.Count == 1
            ? $"Attempt {first.Id} failed at {first.FailedStage} and no rule explains it"
            : $"{unexplained.Count} attempts failed ({string.Join(", ", unexplained.Select(a => a.Id + " at " + a.FailedStage))}) and no rule explains them";
        string aside = verdict.Severity == "warning" ? $" The leading warning, \"{verdict.Title}\" ({verdict.Rule}), does not explain a failure at that stage; the findings below list it." : "";
        return new ReportVerdict("warning", null, title, Sentence(first, unexplained.Count) + aside,
            $"Read attempt {first.Id}'s stages and message ladder below; where only one side's capture or log is in the inputs, add the other side's and analyse again.");
    }

    private static bool Explains(string rule, IReadOnlyList<ReportFinding> findings) =>
        findings.Any(f => f.Rule == rule && f.Severity is "error" or "warning");

    private static string Sentence(ReportAttempt attempt, int count)
    {
        string evidence = StageLeadEvidence.Of(attempt, attempt.FailedStage);
        string side = attempt.SideReason is string reason ? $"side {attempt.Side} ({reason})" : $"side {attempt.Side}";
        string others = count > 1 ? $" {count - 1} more attempt(s) failed the same way without a finding; the attempts table lists them." : "";
        return $"Attempt {attempt.Id} ({attempt.Client ?? "?"} → {attempt.ServerShown}) failed at {attempt.FailedStage}, {side}{evidence}. "
            + "No rule of the catalogue matches this failure, so vpndiag names no cause; the attempt's stages and evidence show how far it got." + others;
    }
}
