using Analyzer.Cli.Commands;
using Analyzer.Pipeline;
using Analyzer.Diagnosis.Rules;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Sigma-style regression: every rule's examples (real lab scenarios, event samples, public
/// captures) go through the same pipeline as <c>vpndiag analyze</c>, and each rule fires on its
/// must-fire inputs and stays silent on its must-not-fire ones.
/// </summary>
public sealed class RuleExampleTests
{
    private static readonly Lazy<IReadOnlyList<RuleExampleResult>> Results = new(() =>
        new RuleExampleRunner(ExampleAnalysis.Analyze).Run(BuiltInCatalogue.Rules, RepoPaths.Root));

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (Rule rule in RuleSet.Load([Path.Combine(RepoPaths.Root, "rules")]).Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_examples_fire_where_they_must_and_nowhere_else(string ruleId)
    {
        List<RuleExampleResult> mine = Results.Value.Where(r => r.RuleId == ruleId).ToList();
        Assert.True(mine.Count > 0, $"{ruleId} has no examples under rules/tests/{ruleId}");
        List<RuleExampleResult> sharedMissing = mine
            .Where(r => r.Outcome == RuleExampleOutcome.Unavailable)
            .ToList();
        List<RuleExampleResult> checkable = mine.Except(sharedMissing).ToList();
        Assert.All(checkable, r => Assert.True(r.Passed,
            $"{r.RuleId} {(r.MustFire ? "must fire" : "must not fire")} on {r.Example}: {r.Outcome}: {r.Message}"));

        // The examples that could run passed; the ones in an absent ../shared make the test skip, not
        // pass, so a rule checked only on one side (say, shown not to fire but never to fire) shows.
        if (sharedMissing.Count > 0)
        {
            string shown = checkable.Count == 0 ? "nothing was checked"
                : checkable.Any(r => r.MustFire) && checkable.Any(r => !r.MustFire) ? "the others passed"
                : checkable.Any(r => r.MustFire) ? "it was only shown to fire" : "it was only shown not to fire";
            Assert.Skip($"{ruleId}: ../shared is absent, so {sharedMissing.Count} example(s) did not run "
                + $"({string.Join(", ", sharedMissing.Select(r => (r.MustFire ? "must fire on " : "must not fire on ") + r.Example))}); {shown}");
        }
    }

    [Fact]
    public void Catalogue_loads_without_errors() =>
        Assert.Empty(BuiltInCatalogue.Rules.Errors);
}
