using System.Text.Json;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// The lab scenarios that say what their captures ALONE must give (expected.json "withoutKeys"):
/// analysed from copies of the captures without key tables or logs, the inferred rules fire as
/// listed, their evidence is marked inferred, and no key of the scenario's tables appears in a report.
/// </summary>
public sealed class InferenceWithoutKeysTests
{
    private static readonly string[] InferredRules =
        ["esp-l2tp-setup-unanswered", "esp-inner-setup-refused", "esp-ppp-stopped-inferred", "ikev2-auth-refused", "client-displaced-inferred", "dpd-inferred"];

    public static TheoryData<string> Scenarios => SampleScenarios.WithoutKeysNames();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Captures_alone_give_the_inferred_diagnosis_the_scenario_expects(string scenario)
    {
        string json = AnalyseCapturesOnly(scenario);
        HashSet<string> fired = ScenarioDiagnosisTests.FiredRules(json);
        (string[] mustFire, string[] mustNotFire) = SampleScenarios.ExpectedWithoutKeys(scenario);

        Assert.All(mustFire, id => Assert.True(fired.Contains(id), $"{scenario} without keys: {id} did not fire (fired: {string.Join(", ", fired)})"));
        Assert.All(mustNotFire, id => Assert.False(fired.Contains(id), $"{scenario} without keys: {id} fired but must not"));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Findings_of_inferred_rules_cite_only_evidence_marked_inferred(string scenario)
    {
        using JsonDocument document = JsonDocument.Parse(AnalyseCapturesOnly(scenario));
        foreach (JsonElement finding in document.RootElement.GetProperty("findings").EnumerateArray())
        {
            string rule = finding.GetProperty("rule").GetString() ?? "";
            bool inferredRule = InferredRules.Contains(rule);
            foreach (JsonElement evidence in finding.GetProperty("evidence").EnumerateArray())
            {
                bool marked = evidence.TryGetProperty("kind", out JsonElement kind) && kind.GetString() == "inferred";
                Assert.True(marked == inferredRule, $"{scenario}: {rule} evidence '{evidence.GetProperty("text").GetString()}' marked inferred: {marked}");
            }

            if (inferredRule)
            {
                Assert.StartsWith("Inferred, not decrypted", finding.GetProperty("summary").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void No_key_of_the_scenarios_tables_appears_in_its_report_with_or_without_keys(string scenario)
    {
        string[] keys = KeysOf(SampleScenarios.PathOf(scenario));
        Assert.NotEmpty(keys);
        string withKeys = ScenarioDiagnosisTests.AnalyseToJson(scenario, out _);
        string withoutKeys = AnalyseCapturesOnly(scenario);
        Assert.All(keys, key => Assert.DoesNotContain(key, withKeys, StringComparison.OrdinalIgnoreCase));
        Assert.All(keys, key => Assert.DoesNotContain(key, withoutKeys, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every key (hex of 16 bytes or more) in the scenario's esp_sa and IKE tables, without "0x".</summary>
    private static string[] KeysOf(string directory) =>
    [
        .. new[] { "esp_sa", "ikev2_decryption_table", "ikev1-decryption-table" }
            .Select(table => Path.Combine(directory, table))
            .Where(File.Exists)
            .SelectMany(path => File.ReadAllText(path).Split(['\n', ',', '"'], StringSplitOptions.RemoveEmptyEntries))
            .Select(field => field.StartsWith("0x", StringComparison.Ordinal) ? field[2..] : field)
            .Where(field => field.Length >= 32 && field.All(Uri.IsHexDigit)),
    ];

    private static string AnalyseCapturesOnly(string scenario)
    {
        string directory = Path.Combine(Path.GetTempPath(), "vpndiag-nokeys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string output = Path.Combine(directory, "report.json");
        try
        {
            foreach (string pcap in Directory.GetFiles(SampleScenarios.PathOf(scenario), "*.pcap"))
            {
                File.Copy(pcap, Path.Combine(directory, Path.GetFileName(pcap)));
            }

            (_, _, string error) = CliRunner.Run("analyze", directory, "-o", output, "--quiet");
            Assert.True(File.Exists(output), scenario + ": no report written; stderr: " + error);
            return File.ReadAllText(output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
