using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>
/// A caveat about the inputs themselves (a snapshot length that cut IKE payloads, a file cut short)
/// qualifies whichever verdict stands: "no problem found" becomes a warning that says the inputs
/// cannot show one, any other verdict carries the caveat's sentence. One shape for every such caveat,
/// so they read alike and stack in the order the report builder applies them.
/// </summary>
internal static class VerdictCaveat
{
    /// <param name="okTitle">The warning's title when the verdict was "ok".</param>
    /// <param name="okTail">The sentence after the caveat when the verdict was "ok".</param>
    /// <param name="action">The first thing to do when the caveat becomes (or raises) the verdict.</param>
    /// <param name="raisesInfo">
    /// Whether an "info" verdict becomes a warning too: true when the caveat hides what the info
    /// verdict itself rests on (payloads), false when what was read still stands (a file cut after it).
    /// </param>
    public static ReportVerdict Add(ReportVerdict verdict, string caveat, string okTitle, string okTail, string action, bool raisesInfo) =>
        verdict.Severity == "ok"
            ? new ReportVerdict("warning", null, okTitle, caveat + " " + okTail, action)
            : raisesInfo && verdict.Severity == "info"
                ? verdict with { Severity = "warning", Sentence = verdict.Sentence + " " + caveat, FirstAction = action }
                : verdict with { Sentence = verdict.Sentence + " " + caveat };
}
