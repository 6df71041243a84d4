using Analyzer.Correlation;
using Analyzer.Diagnosis;
using Analyzer.Reporting;

namespace Analyzer.Pipeline;

/// <summary>What one bundle's analysis produced: the correlated case (attempts included), the findings and the report document.</summary>
public sealed record BundleAnalysisResult(Case Case, DiagnosisResult Diagnosis, ReportDocument Document)
{
    /// <summary>At least one warning or error finding: the CLI's exit code 1.</summary>
    public bool HasProblems => Diagnosis.HasProblems;
}
