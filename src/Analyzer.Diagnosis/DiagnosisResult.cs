namespace Analyzer.Diagnosis;

/// <summary>The findings of one case, most likely cause first.</summary>
public sealed class DiagnosisResult
{
    public List<Finding> Findings { get; init; } = [];

    /// <summary>Rule files or rules that could not be used (file, line, reason); the other rules still ran.</summary>
    public List<string> RuleErrors { get; init; } = [];

    /// <summary>The most likely cause: the first warning or error finding, else the first finding.</summary>
    public Finding? Verdict => Findings.FirstOrDefault(f => f.Severity >= Severity.Warning) ?? Findings.FirstOrDefault();

    public bool HasProblems => Findings.Any(f => f.Severity >= Severity.Warning);
}
