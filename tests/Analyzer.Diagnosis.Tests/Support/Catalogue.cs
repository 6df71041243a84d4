using Analyzer.Correlation;
using Analyzer.Diagnosis.Rules;
using Analyzer.Testing;

namespace Analyzer.Diagnosis.Tests.Support;

/// <summary>The repository's rule catalogue, loaded once for all condition tests.</summary>
internal static class Catalogue
{
    private static readonly Lazy<RuleSet> Rules = new(() => RuleSet.LoadBuiltIn(RepoPaths.Rules));

    public static RuleSet Set => Rules.Value;

    public static DiagnosisResult Diagnose(Case @case) => RuleEvaluator.Evaluate(@case, Set);

    public static IReadOnlyList<string> FiredIds(Case @case) => Diagnose(@case).Findings.Select(f => f.RuleId).ToList();

    public static Finding Finding(DiagnosisResult result, string id) =>
        result.Findings.Find(f => f.RuleId == id) ?? throw new Xunit.Sdk.XunitException($"{id} did not fire; fired: {string.Join(", ", result.Findings.Select(f => f.RuleId))}");
}
