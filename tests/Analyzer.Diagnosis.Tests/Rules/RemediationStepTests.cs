using Analyzer.Diagnosis.Rules;
using Analyzer.Diagnosis.Tests.Support;

namespace Analyzer.Diagnosis.Tests.Rules;

/// <summary>
/// Remediation steps are templates over the case's facts, each kept only where its leading
/// <c>{?condition}</c> holds (issue 18: an ESP drop gets no step about UDP 4500).
/// </summary>
public sealed class RemediationStepTests
{
    private static string CaseRule(params string[] steps) => $"""
        id: steps
        title: steps
        severity: warning
        category: events
        cause: interoperability
        owner: vendor
        description: test rule
        subject: case
        condition: "true"
        summary: "fired"
        remediation:
        {string.Join("\n", steps.Select(s => "  - \"" + s.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""))}
        """;

    private static (List<string> Steps, IReadOnlyList<string> RuleErrors) Steps(string rule)
    {
        RuleSet set = RuleSet.FromText(("steps.yaml", rule));
        Assert.Empty(set.Errors);
        DiagnosisResult result = RuleEvaluator.Evaluate(new CaseDraft().Build(), set);
        return (result.Findings.Single().Remediation, result.RuleErrors);
    }

    [Fact]
    public void A_step_whose_guard_does_not_hold_is_left_out_and_one_whose_guard_holds_is_kept()
    {
        (List<string> steps, _) = Steps(CaseRule("{?Inputs > 100}Only for huge bundles.", "{?Inputs < 100}A small bundle.", "Always."));
        Assert.Equal(["A small bundle.", "Always."], steps);
    }

    [Fact]
    public void A_step_names_the_case_values_of_the_row_that_fired()
    {
        (List<string> steps, _) = Steps(CaseRule("The case holds {IkeSas} IKE SAs and {L2tpTunnels} L2TP tunnels."));
        Assert.Equal(["The case holds 0 IKE SAs and 0 L2TP tunnels."], steps);
    }

    [Fact]
    public void A_guard_that_does_not_compile_is_a_load_error_naming_the_remediation_key()
    {
        RuleSet set = RuleSet.FromText(("steps.yaml", CaseRule("{?NoSuchFact > 1}Never.")));
        RuleLoadError error = Assert.Single(set.Errors);
        Assert.Contains("remediation guard", error.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchFact", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_braces_stay_text_and_a_step_without_a_guard_always_applies()
    {
        (List<string> steps, _) = Steps(CaseRule("Set {{ key = value }} in the file."));
        Assert.Equal(["Set { key = value } in the file."], steps);
    }
}
