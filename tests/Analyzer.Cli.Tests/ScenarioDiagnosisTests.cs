using System.Text.Json;
using Analyzer.Testing;
using NJsonSchema;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Every lab scenario, analysed as a user would (<c>vpndiag analyze DIR --format json</c>), gives
/// the diagnosis its expected.json names, and its report validates against the published schema.
/// </summary>
public sealed class ScenarioDiagnosisTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Docs, "report.schema.json"));
        // NJsonSchema resolves draft-07 "definitions", not 2020-12 "$defs"; the schema uses no other 2020-12-only keyword.
        text = text.Replace("\"$defs\"", "\"definitions\"", StringComparison.Ordinal).Replace("#/$defs/", "#/definitions/", StringComparison.Ordinal);
        return JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
    });

    public static TheoryData<string> Scenarios => SampleScenarios.Names();

    /// <summary>The lab's scenarios where nothing goes wrong (their READMEs say so).</summary>
    public static TheoryData<string> HealthyScenarios => SampleScenarios.Names(IsHealthy);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_fires_the_rules_it_must_and_none_it_must_not(string scenario)
    {
        if (SampleScenarios.PendingWithKeys(scenario) is string pending)
        {
            Assert.Skip(scenario + ": with-keys diagnosis pending: " + pending);
        }

        string json = AnalyseToJson(scenario, out int exitCode);
        HashSet<string> fired = FiredRules(json);
        (string[] mustFire, string[] mustNotFire) = SampleScenarios.Expected(scenario);

        Assert.All(mustFire, id => Assert.True(fired.Contains(id), $"{scenario}: {id} did not fire (fired: {string.Join(", ", fired)})"));
        Assert.All(mustNotFire, id => Assert.False(fired.Contains(id), $"{scenario}: {id} fired but must not"));
        Assert.InRange(exitCode, 0, 1);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_report_validates_against_the_schema(string scenario)
    {
        string json = AnalyseToJson(scenario, out _);
        var errors = Schema.Value.Validate(json);
        Assert.True(errors.Count == 0, scenario + ": " + string.Join("\n", errors.Select(e => e.Path + ": " + e.Kind)));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Exit_code_is_1_exactly_when_a_warning_or_error_finding_is_reported(string scenario)
    {
        string json = AnalyseToJson(scenario, out int exitCode);
        using JsonDocument document = JsonDocument.Parse(json);
        bool problems = document.RootElement.GetProperty("findings").EnumerateArray()
            .Any(f => f.GetProperty("severity").GetString() is "warning" or "error");
        Assert.Equal(problems ? 1 : 0, exitCode);
    }

    [Theory]
    [MemberData(nameof(HealthyScenarios))]
    public void Healthy_scenarios_raise_no_warning_or_error_beyond_their_lab_limit(string scenario)
    {
        string json = AnalyseToJson(scenario, out int exitCode);
        string[] limit = SampleScenarios.LabLimit(scenario)?.Rules ?? [];
        using JsonDocument document = JsonDocument.Parse(json);
        string[] problems = document.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() is "warning" or "error")
            .Select(f => f.GetProperty("rule").GetString() ?? string.Empty)
            .Where(rule => !limit.Contains(rule, StringComparer.Ordinal))
            .ToArray();
        Assert.True(problems.Length == 0, scenario + " is healthy but reported: " + string.Join(", ", problems));
        Assert.Equal(limit.Length == 0 ? 0 : 1, exitCode);
    }

    /// <summary>Scenarios whose expected.json names a lab limit (pppd cannot run in the lab).</summary>
    public static TheoryData<string> LabLimitedScenarios => SampleScenarios.Names(s => SampleScenarios.LabLimit(s) is not null);

    [Theory]
    [MemberData(nameof(LabLimitedScenarios))]
    public void Lab_limit_is_reported_by_its_rules_and_stops_an_attempt_at_its_stage(string scenario)
    {
        (string stage, string[] rules) = SampleScenarios.LabLimit(scenario)!.Value;
        string json = AnalyseToJson(scenario, out _);
        HashSet<string> fired = FiredRules(json);
        Assert.All(rules, id => Assert.True(fired.Contains(id), $"{scenario}: the lab limit's {id} did not fire (fired: {string.Join(", ", fired)})"));
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Contains(document.RootElement.GetProperty("attempts").EnumerateArray(),
            a => a.GetProperty("failedStage").ValueKind == JsonValueKind.String && a.GetProperty("failedStage").GetString() == stage);
    }

    /// <summary>Every scenario the lab made to work: "healthy" in its name (IKEv1, IKEv2, PPP inside, log formats), and two clients behind one NAT.</summary>
    private static bool IsHealthy(string scenario) =>
        scenario.Contains("healthy", StringComparison.Ordinal) || scenario.StartsWith("two-clients-one-nat", StringComparison.Ordinal);

    internal static string AnalyseToJson(string scenario, out int exitCode)
    {
        ScenarioReport report = ScenarioReports.Of(scenario);
        exitCode = report.ExitCode;
        return report.Json;
    }

    internal static HashSet<string> FiredRules(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("rule").GetString() ?? string.Empty)
            .ToHashSet(StringComparer.Ordinal);
    }
}
