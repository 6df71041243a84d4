using Analyzer.Correlation;
using Analyzer.Diagnosis;
using Analyzer.Reporting;

namespace Analyzer.Pipeline;

/// <summary>What one bundle's analysis produced: the correlated case (attempts included), the findings and the report document.</summary>
public sealed record BundleAnalysisResult(Case Case, DiagnosisResult Diagnosis, ReportDocument Document)
{
    /// <summary>
    /// At least one warning or error finding, or a verdict that warns without one (an attempt failed
    /// that no rule explains, a capture cut short): the CLI's exit code 1. A script reading the exit
    /// code must not see "clean" under a verdict that is not.
    /// </summary>
    public bool HasProblems => Diagnosis.HasProblems || Document.Verdict?.Severity is "warning" or "error";
}
