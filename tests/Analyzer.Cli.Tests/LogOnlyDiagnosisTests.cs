using System.Text.Json;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Each lab scenario analysed from its daemon logs alone (the charon and xl2tpd logs of
/// samples/captures/&lt;scenario&gt;/, no capture) gives the rules its expected.json lists under
/// <c>logOnly</c> (the diagnoses the logs hold evidence for), and none of its <c>mustNotFire</c>.
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

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Log_only_bundle_gives_the_diagnosis_its_logs_hold(string scenario)
    {
        string[] logs = Directory.GetFiles(SampleScenarios.PathOf(scenario), "*.log").Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(logs);
        string output = Path.Combine(Path.GetTempPath(), "vpndiag-logonly-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            (int exitCode, _, string error) = CliRunner.Run(["analyze", .. logs, "-o", output, "--quiet"]);
            Assert.True(File.Exists(output), scenario + ": no report; stderr: " + error);
            HashSet<string> fired = ScenarioDiagnosisTests.FiredRules(File.ReadAllText(output));
            (_, string[] mustNotFire) = SampleScenarios.Expected(scenario);
            Assert.All(LogOnly(scenario)!, id => Assert.True(fired.Contains(id), $"{scenario} (logs only): {id} did not fire (fired: {string.Join(", ", fired)})"));
            Assert.All(mustNotFire, id => Assert.False(fired.Contains(id), $"{scenario} (logs only): {id} fired but must not"));
            Assert.InRange(exitCode, 0, 1);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
