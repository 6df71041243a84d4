using System.Collections.Concurrent;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Each lab scenario analysed once per test run, as a user would (<c>vpndiag analyze DIR -o report.json</c>),
/// and the report shared by every test that only reads it: the analysis is the expensive part, and
/// it is the same for every such test.
/// </summary>
internal static class ScenarioReports
{
    private static readonly ConcurrentDictionary<string, Lazy<ScenarioReport>> Reports = new(StringComparer.Ordinal);

    public static ScenarioReport Of(string scenario) =>
        Reports.GetOrAdd(scenario, name => new Lazy<ScenarioReport>(() => Analyse(name))).Value;

    private static ScenarioReport Analyse(string scenario)
    {
        string output = Path.Combine(Path.GetTempPath(), "vpndiag-test-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            (int exitCode, _, string error) = CliRunner.Run("analyze", SampleScenarios.PathOf(scenario), "-o", output, "--quiet");
            Assert.True(File.Exists(output), scenario + ": no report written; stderr: " + error);
            return new ScenarioReport(File.ReadAllText(output), exitCode);
        }
        finally
        {
            File.Delete(output);
        }
    }
}

/// <summary>The JSON report of one scenario and the exit code that came with it.</summary>
internal sealed record ScenarioReport(string Json, int ExitCode);
