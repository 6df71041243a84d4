using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Batch;

/// <summary>
/// One bundle's line in a batch summary. <see cref="ExitCode"/> follows the CLI contract: 0 no
/// warning or error finding, 1 at least one, 2 nothing could be analysed (<see cref="Error"/> says why).
/// </summary>
public sealed record BatchEntry(
    string Bundle,
    string? Report,
    string Severity,
    string Verdict,
    string? TopRule,
    string? TopTitle,
    int Findings,
    int ExitCode,
    string? Error)
{
    public static BatchEntry FromReport(string bundle, ReportDocument document, string? reportPath)
    {
        ReportVerdict verdict = document.Verdict ?? new ReportVerdict("ok", null, "No problem found", string.Empty, null);
        bool problems = false;
        foreach (ReportFinding finding in document.Findings)
        {
            problems |= finding.Severity is "warning" or "error";
        }

        return new BatchEntry(bundle, reportPath, verdict.Severity, verdict.Sentence, verdict.Rule,
            verdict.Rule is null ? null : verdict.Title, document.Findings.Count, problems ? 1 : 0, null);
    }

    public static BatchEntry Failed(string bundle, string error) =>
        new(bundle, null, "failed", "Nothing could be analysed.", null, null, 0, 2, error);
}
