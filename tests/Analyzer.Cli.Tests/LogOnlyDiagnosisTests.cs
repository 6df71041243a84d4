using System.Text.Json;
using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Each lab scenario analysed from its daemon logs alone (the charon and xl2tpd logs of
/// samples/captures/&lt;scenario&gt;/, no capture) gives the rules its expected.json lists under
/// <c>logOnly</c> (the diagnoses the logs hold evidence for), and none of its <c>mustNotFire</c>;
/// where it names <c>logShapes</c> (the syslog-* scenarios), each shape's files alone do.
/// </summary>
public sealed class LogOnlyDiagnosisTests
{
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (string scenario in SampleScenarios.Names())
        {
            if (LogOnly(scenario) is not null)
            {
                data.Add(scenario);
            }
        }

        return data;
    }

    private static string[]? LogOnly(string scenario)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleScenarios.PathOf(scenario), "expected.json")));
        return document.RootElement.TryGetProperty("logOnly", out JsonElement ids) ? ids.EnumerateArray().Select(e => e.GetString() ?? "").ToArray() : null;
    }

    /// <summary>Scenarios whose expected.json names log shapes (<c>logShapes</c>: file name endings; the files of one ending are one bundle).</summary>
    public static TheoryData<string, string> Shapes()
    {
        var data = new TheoryData<string, string>();
        foreach (string scenario in SampleScenarios.Names().Select(row => row.Data))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleScenarios.PathOf(scenario), "expected.json")));
            if (document.RootElement.TryGetProperty("logShapes", out JsonElement shapes))
            {
                foreach (JsonElement shape in shapes.EnumerateArray())
                {
                    data.Add(scenario, shape.GetString() ?? "");
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Log_only_bundle_gives_the_diagnosis_its_logs_hold(string scenario)
    {
        Assert.SkipWhen(Shapes().Any(row => row.Data.Item1 == scenario),
            scenario + ": its daemons logged through syslog; each syslog or journal shape is its log-only bundle (the shape test), its *.log files are only the lab's charon key logs");
        string[] logs = Directory.GetFiles(SampleScenarios.PathOf(scenario), "*.log").Order(StringComparer.Ordinal).ToArray();
        AssertLogsGiveTheLogOnlyDiagnosis(scenario, logs);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_syslog_and_journal_shape_alone_gives_the_diagnosis_its_logs_hold(string scenario, string shape)
    {
        string[] logs = Directory.GetFiles(SampleScenarios.PathOf(scenario), "*-" + shape).Order(StringComparer.Ordinal).ToArray();
        AssertLogsGiveTheLogOnlyDiagnosis(scenario + " (" + shape + ")", logs, scenario);
    }

    /// <summary>Each log named under expected.json's <c>logOnlyAttempts</c> (file → attempts with failing stage and side).</summary>
    public static TheoryData<string, string> AttemptLogs()
    {
        var data = new TheoryData<string, string>();
        foreach (string scenario in SampleScenarios.Names().Select(row => row.Data))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleScenarios.PathOf(scenario), "expected.json")));
            if (document.RootElement.TryGetProperty("logOnlyAttempts", out JsonElement files))
            {
                foreach (JsonProperty file in files.EnumerateObject().Where(f => f.Name is not (BundleKey or BundleNoteKey)))
                {
                    data.Add(scenario, file.Name);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AttemptLogs))]
    public void One_daemon_log_alone_gives_the_attempts_its_expected_json_names_with_failing_stage_and_side(string scenario, string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleScenarios.PathOf(scenario), "expected.json")));
        var expected = document.RootElement.GetProperty("logOnlyAttempts").GetProperty(file).EnumerateArray()
            .Select(a => (a.GetProperty("failedStage").GetString(), a.GetProperty("side").GetString() ?? "")).ToList();
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([Path.Combine(SampleScenarios.PathOf(scenario), file)]);
        Assert.Equal(expected, result.Document.Attempts.Select(a => (a.FailedStage, a.Side)).ToList());
        Assert.All(result.Document.Attempts, a => Assert.NotNull(a.Client));
    }

    private const string BundleKey = "bundle";
    private const string BundleNoteKey = "bundleNote";

    /// <summary>Scenarios whose expected.json states the attempts of all their logs together (<c>logOnlyAttempts.bundle</c>).</summary>
    public static TheoryData<string> BundleScenarios()
    {
        var data = new TheoryData<string>();
        foreach (string scenario in SampleScenarios.Names().Select(row => row.Data))
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleScenarios.PathOf(scenario), "expected.json")));
            if (document.RootElement.TryGetProperty("logOnlyAttempts", out JsonElement files) && files.TryGetProperty(BundleKey, out _))
            {
                data.Add(scenario);
            }
        }

        return data;
    }

    /// <summary>
    /// Every daemon log of a scenario in one bundle: the client's and the server's, a daemon's verbose
    /// and normal filelog, and (syslog-* scenarios) every rsyslog and journald shape of both hosts. The
    /// copies of one daemon's lines must not double an attempt, and the two ends' logs of one negotiation
    /// are one attempt with a view per log; where nothing decides, expected.json's bundleNote says why.
    /// </summary>
    [Theory]
    [MemberData(nameof(BundleScenarios))]
    public void All_logs_of_a_scenario_together_give_one_attempt_per_negotiation(string scenario)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleScenarios.PathOf(scenario), "expected.json")));
        var expected = document.RootElement.GetProperty("logOnlyAttempts").GetProperty(BundleKey).EnumerateArray()
            .Select(a => (a.GetProperty("failedStage").GetString(), a.GetProperty("side").GetString() ?? "", a.GetProperty("logs").GetInt32())).ToList();
        string[] logs = BundleLogs(scenario);
        BundleAnalysisResult result = BuiltInCatalogue.Analyze(logs);
        Assert.Equal(expected, result.Document.Attempts.Select(a => (a.FailedStage, a.Side, a.Views.Count)).ToList());
        // A log that joined another's negotiation says how; one that could not says why.
        Assert.All(result.Document.Attempts.SelectMany(a => a.Views.Skip(1)), v => Assert.NotNull(v.Match));
    }

    /// <summary>The scenario's daemon logs: its syslog and journal shapes where it has them (its *.log files are then key logs), else its *.log files.</summary>
    internal static string[] BundleLogs(string scenario)
    {
        string directory = SampleScenarios.PathOf(scenario);
        string[] shapes = Shapes().Where(row => row.Data.Item1 == scenario).Select(row => row.Data.Item2).ToArray();
        IEnumerable<string> files = shapes.Length > 0
            ? shapes.SelectMany(shape => Directory.GetFiles(directory, "*-" + shape))
            : Directory.GetFiles(directory, "*.log");
        return files.Order(StringComparer.Ordinal).ToArray();
    }

    private static void AssertLogsGiveTheLogOnlyDiagnosis(string label, string[] logs, string? scenarioName = null)
    {
        string scenario = scenarioName ?? label;
        Assert.NotEmpty(logs);
        string output = Path.Combine(Path.GetTempPath(), "vpndiag-logonly-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            (int exitCode, _, string error) = CliRunner.Run(["analyze", .. logs, "-o", output, "--quiet"]);
            Assert.True(File.Exists(output), label + ": no report; stderr: " + error);
            HashSet<string> fired = ScenarioDiagnosisTests.FiredRules(File.ReadAllText(output));
            (_, string[] mustNotFire) = SampleScenarios.Expected(scenario);
            Assert.All(LogOnly(scenario)!, id => Assert.True(fired.Contains(id), $"{label} (logs only): {id} did not fire (fired: {string.Join(", ", fired)})"));
            Assert.All(mustNotFire, id => Assert.False(fired.Contains(id), $"{label} (logs only): {id} fired but must not"));
            Assert.InRange(exitCode, 0, 1);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
