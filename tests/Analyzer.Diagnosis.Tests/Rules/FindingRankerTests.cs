using Analyzer.Diagnosis.Facts;
using Analyzer.Diagnosis.Rules;
using Analyzer.Diagnosis.Tests.Support;

namespace Analyzer.Diagnosis.Tests.Rules;

/// <summary>Ranking with rules written for the test: every rule fires on the single case row.</summary>
public sealed class FindingRankerTests
{
    private static (string, string) CaseRule(string id, string severity, params string[] explains) => ($"{id}.yaml", $"""
        id: {id}
        title: {id}
        severity: {severity}
        category: events
        cause: interoperability
        owner: vendor
        description: test rule
        subject: case
        condition: "true"
        summary: "{id} fired"
        explains: [{string.Join(", ", explains)}]
        """);

    private static List<string> Ranked(params (string, string)[] rules)
    {
        RuleSet set = RuleSet.FromText(rules);
        Assert.Empty(set.Errors);
        return RuleEvaluator.Evaluate(new CaseDraft().Build(), set).Findings.Select(f => f.RuleId).ToList();
    }

    [Fact]
    public void Errors_come_before_warnings_before_info()
    {
        Assert.Equal(["e", "w", "i"], Ranked(CaseRule("i", "info"), CaseRule("w", "warning"), CaseRule("e", "error")));
    }

    [Fact]
    public void A_finding_that_explains_another_comes_before_it_even_at_lower_severity()
    {
        Assert.Equal(["cause", "symptom", "other"], Ranked(CaseRule("other", "warning"), CaseRule("symptom", "error"), CaseRule("cause", "warning", "symptom")));
    }

    [Fact]
    public void Explanations_chain_transitively()
    {
        Assert.Equal(["root", "middle", "leaf"], Ranked(CaseRule("leaf", "error"), CaseRule("middle", "error", "leaf"), CaseRule("root", "info", "middle")));
    }

    [Fact]
    public void Explains_and_explained_by_list_only_findings_that_fired()
    {
        RuleSet set = RuleSet.FromText(CaseRule("cause", "error", "symptom", "absent"), CaseRule("symptom", "error"));
        DiagnosisResult result = RuleEvaluator.Evaluate(new CaseDraft().Build(), set);
        Assert.Equal(["symptom"], result.Findings[0].Explains);
        Assert.Equal(["cause"], result.Findings[1].ExplainedBy);
    }

    [Fact]
    public void A_cycle_of_explanations_still_ranks_every_finding_once()
    {
        List<string> ranked = Ranked(CaseRule("a", "error", "b"), CaseRule("b", "error", "a"));
        Assert.Equal(2, ranked.Count);
        Assert.Equal(["a", "b"], ranked.Order());
    }

    [Fact]
    public void Rule_errors_from_loading_are_reported_in_the_result()
    {
        RuleSet set = RuleSet.FromText(CaseRule("good", "info"), ("bad.yaml", "id: bad\nseverity: loud\n"));
        DiagnosisResult result = RuleEvaluator.Evaluate(new CaseDraft().Build(), set);
        Assert.Single(result.Findings);
        Assert.Contains(result.RuleErrors, e => e.StartsWith("bad.yaml:", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_matching_rows_make_one_finding_naming_each_attempt_without_an_occurrence_sentence()
    {
        var draft = new CaseDraft();
        for (ulong cookie = 1; cookie <= 3; cookie++)
        {
            var sa = draft.Sa(cookie: cookie);
            draft.Message(sa, Analyzer.Sessions.Ike.IkeExchangeKind.MainMode, 1, true, cookie);
            draft.Message(sa, Analyzer.Sessions.Ike.IkeExchangeKind.MainMode, 1, true, cookie + 0.5);
        }

        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "ike-no-response");
        Assert.Equal(3, finding.Occurrences);
        Assert.DoesNotContain("occurrences across the inputs", finding.Summary, StringComparison.Ordinal);
        Assert.Equal(["A1", "A2", "A3"], finding.Attempts);
        Assert.Equal(6, finding.Evidence.Count);
    }
}
