using System.Text.Json;

namespace Analyzer.Cli.Tests;

/// <summary>
/// The lab's scenarios of PPP inside L2TP inside ESP, whose PPP is the constructed peer's
/// (expected.json "constructed": ["ppp"]): they say so, carry the peers' logs, and their PPP
/// findings name the Windows error a user would most likely have seen.
/// </summary>
public sealed class ConstructedPppScenarioTests
{
    public static TheoryData<string> Constructed => SampleScenarios.Names(IsConstructed);

    [Theory]
    [MemberData(nameof(Constructed))]
    public void Constructed_scenario_says_so_and_carries_both_peers_logs(string scenario)
    {
        string directory = SampleScenarios.PathOf(scenario);
        Assert.True(File.Exists(Path.Combine(directory, "constructed-pppd-server.log")), scenario + ": no constructed-pppd-server.log");
        Assert.True(File.Exists(Path.Combine(directory, "constructed-pppd-client.log")), scenario + ": no constructed-pppd-client.log");
        Assert.Contains("PPP in this scenario is CONSTRUCTED", File.ReadAllText(Path.Combine(directory, "README.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("l2tp-ppp-auth-failed", "ppp-auth-failed", "error 691 (ERROR_AUTHENTICATION_FAILURE")]
    [InlineData("l2tp-ppp-no-address", "ppp-ipcp-failed", "error 720 (ERROR_PPP_NO_PROTOCOLS_CONFIGURED")]
    [InlineData("l2tp-ppp-lcp-unanswered", "ppp-lcp-loop", "error 718 (ERROR_PPP_TIMEOUT")]
    [InlineData("l2tp-ppp-encryption-refused", "ppp-encryption-refused", "error 741 (ERROR_NO_LOCAL_ENCRYPTION")]
    [InlineData("l2tp-ppp-mschapv2-wrong-password", "ppp-auth-failed", "error 691 (ERROR_AUTHENTICATION_FAILURE")]
    [InlineData("l2tp-ppp-mschapv2-password-expired", "ppp-auth-failed", "error 648 (ERROR_PASSWD_EXPIRED")]
    [InlineData("l2tp-ppp-mschapv2-no-dialin", "ppp-auth-failed", "error 649 (ERROR_NO_DIALIN_PERMISSION")]
    public void Ppp_finding_names_the_windows_error_the_user_saw(string scenario, string rule, string error)
    {
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf(scenario)), scenario + " is absent");
        using JsonDocument document = JsonDocument.Parse(ScenarioReports.Of(scenario).Json);
        JsonElement finding = document.RootElement.GetProperty("findings").EnumerateArray()
            .FirstOrDefault(f => f.GetProperty("rule").GetString() == rule);
        Assert.True(finding.ValueKind == JsonValueKind.Object, $"{scenario}: {rule} did not fire");
        Assert.Contains(error, finding.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructed_peers_logs_are_read_as_pppd_logs()
    {
        const string scenario = "l2tp-ppp-auth-failed";
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf(scenario)), scenario + " is absent");
        using JsonDocument document = JsonDocument.Parse(ScenarioReports.Of(scenario).Json);
        string records = document.RootElement.GetProperty("events").GetRawText();
        Assert.Contains("pppd-auth-rejected", records, StringComparison.Ordinal);
        Assert.Contains("constructed-pppd-client.log", records, StringComparison.Ordinal);
    }

    private static bool IsConstructed(string scenario)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleScenarios.PathOf(scenario), "expected.json")));
        return document.RootElement.TryGetProperty("constructed", out JsonElement constructed)
            && constructed.EnumerateArray().Any(e => e.GetString() == "ppp");
    }
}
