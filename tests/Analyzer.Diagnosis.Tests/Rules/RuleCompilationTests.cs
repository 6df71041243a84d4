using Analyzer.Diagnosis.Rules;
using Analyzer.Diagnosis.Tests.Support;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Tests.Rules;

public sealed class RuleCompilationTests
{
    private static readonly string BrokenCondition =
        RuleLoaderTests.Valid.Replace("FirstMessageSends >= 2", "FirstMessageCount >= 2", StringComparison.Ordinal);

    private static readonly string BrokenSummary =
        RuleLoaderTests.Valid.Replace("{Initiator} sent", "{Initiatr} sent", StringComparison.Ordinal);

    [Fact]
    public void A_rule_compiled_on_first_use_loads_even_when_its_condition_does_not_compile()
    {
        RuleSet set = LoadOne(BrokenCondition, RuleCompilation.OnFirstUse, out _);
        Assert.Empty(set.Errors);
        Assert.Single(set.Rules);
    }

    [Fact]
    public void A_broken_condition_compiled_on_first_use_is_reported_with_file_and_line_when_its_subject_has_rows()
    {
        RuleSet set = LoadOne(BrokenCondition, RuleCompilation.OnFirstUse, out string path);
        DiagnosisResult result = RuleEvaluator.Evaluate(UnansweredSa(), set);
        string error = Assert.Single(result.RuleErrors);
        Assert.StartsWith(path + ":10:", error, StringComparison.Ordinal);
        Assert.Contains("FirstMessageCount", error, StringComparison.Ordinal);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_rule_whose_subject_has_no_rows_is_never_compiled()
    {
        RuleSet set = LoadOne(BrokenCondition, RuleCompilation.OnFirstUse, out _);
        DiagnosisResult result = RuleEvaluator.Evaluate(new CaseDraft().Build(), set);
        Assert.Empty(result.RuleErrors);
        Assert.False(set.Rules[0].ConditionCompiled);
        _ = RuleEvaluator.Evaluate(UnansweredSa(), set);
        Assert.True(set.Rules[0].ConditionCompiled);
    }

    [Fact]
    public void A_summary_compiled_on_first_use_fails_only_when_the_rule_fires()
    {
        RuleSet set = LoadOne(BrokenSummary, RuleCompilation.OnFirstUse, out string path);
        DiagnosisResult result = RuleEvaluator.Evaluate(UnansweredSa(), set);
        string error = Assert.Single(result.RuleErrors);
        Assert.StartsWith(path + ":12:", error, StringComparison.Ordinal);
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void The_same_rule_compiled_at_load_is_rejected_at_load()
    {
        RuleSet set = LoadOne(BrokenCondition, RuleCompilation.AtLoad, out string path);
        RuleLoadError error = Assert.Single(set.Errors);
        Assert.Equal(path, error.File);
        Assert.Equal(10, error.Line);
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void A_valid_rule_fires_the_same_whether_compiled_at_load_or_on_first_use()
    {
        Finding eager = Assert.Single(RuleEvaluator.Evaluate(UnansweredSa(), LoadOne(RuleLoaderTests.Valid, RuleCompilation.AtLoad, out _)).Findings);
        RuleSet lazySet = LoadOne(RuleLoaderTests.Valid, RuleCompilation.OnFirstUse, out _);
        lazySet.Precompile(CancellationToken.None);
        Finding lazy = Assert.Single(RuleEvaluator.Evaluate(UnansweredSa(), lazySet).Findings);
        Assert.Equal(eager.Summary, lazy.Summary);
        Assert.Equal(eager.Evidence.Select(e => e.Frame), lazy.Evidence.Select(e => e.Frame));
        Assert.NotEmpty(lazy.Evidence);
    }

    [Fact]
    public void Precompiling_conditions_leaves_summaries_and_evidence_for_later()
    {
        RuleSet set = LoadOne(RuleLoaderTests.Valid, RuleCompilation.OnFirstUse, out _);
        Rule rule = Assert.Single(set.Rules);

        set.Precompile(CancellationToken.None, RulePart.Conditions);
        Assert.True(rule.ConditionCompiled);
        Assert.False(rule.PresentationCompiled);

        set.Precompile(CancellationToken.None, RulePart.Presentation);
        Assert.True(rule.PresentationCompiled);
    }

    [Fact]
    public void Precompiling_a_broken_condition_keeps_the_error_for_evaluation()
    {
        RuleSet set = LoadOne(BrokenCondition, RuleCompilation.OnFirstUse, out _);
        set.Precompile(CancellationToken.None);
        Assert.Single(RuleEvaluator.Evaluate(UnansweredSa(), set).RuleErrors);
    }

    private static Analyzer.Correlation.Case UnansweredSa()
    {
        var draft = new CaseDraft();
        var sa = draft.Sa(cookie: 7);
        draft.Message(sa, IkeExchangeKind.MainMode, 1, true, 0);
        draft.Message(sa, IkeExchangeKind.MainMode, 1, true, 4);
        return draft.Build();
    }

    private static RuleSet LoadOne(string text, RuleCompilation compilation, out string path)
    {
        string directory = Directory.CreateTempSubdirectory("vpndiag-rules").FullName;
        path = Path.Combine(directory, "rule.yaml");
        File.WriteAllText(path, text);
        try
        {
            return RuleSet.Load([new RuleDirectory(directory, compilation)]);
        }
        finally
        {
            // The rule keeps its text; compiling later does not read the file again.
            Directory.Delete(directory, true);
        }
    }
}
