using Analyzer.Diagnosis;
using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Remediation speaks about the case (issue 18): the lab's scenarios get the steps for what they
/// show, with their addresses and directions, and not the steps for other causes.
/// </summary>
public sealed class RemediationScenarioTests
{
    private static Finding FindingOf(string scenario, string rule)
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf(scenario)]);
        return Assert.Single(result.Diagnosis.Findings, f => f.RuleId == rule);
    }

    [Fact]
    public void An_esp_drop_gets_the_esp_step_for_its_direction_and_no_step_about_fragments_or_other_protocols()
    {
        Finding drop = FindingOf("esp-dropped-one-way", "path-drop");
        string step = Assert.Single(drop.Remediation);
        Assert.Contains("IP protocol 50", step, StringComparison.Ordinal);
        Assert.Contains("from the server to the client", step, StringComparison.Ordinal);
        Assert.DoesNotContain("fragment", step, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_blocked_udp_4500_names_the_two_addresses_and_no_esp_protocol_50_step()
    {
        Finding blocked = FindingOf("natt-udp4500-blocked", "natt-udp4500-blocked");
        Assert.Contains(blocked.Remediation, s => s.Contains("203.0.113.10", StringComparison.Ordinal) && s.Contains("UDP 4500", StringComparison.Ordinal));
        Assert.DoesNotContain(blocked.Remediation, s => s.Contains("protocol 50", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pre_shared_key_mismatch_gets_the_key_step_and_no_certificate_step()
    {
        Finding auth = FindingOf("psk-mismatch", "phase1-auth-failed");
        Assert.Contains(auth.Remediation, s => s.StartsWith("Pre-shared key", StringComparison.Ordinal) && s.Contains("203.0.113.10", StringComparison.Ordinal));
        Assert.DoesNotContain(auth.Remediation, s => s.StartsWith("Certificates", StringComparison.Ordinal));
    }

    [Fact]
    public void A_log_alone_keeps_the_steps_its_rule_gives_without_case_values()
    {
        string log = Path.Combine(SampleScenarios.PathOf("libreswan-server-psk-mismatch"), "pluto-server-syslog.log");
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([log]);
        Finding auth = Assert.Single(result.Diagnosis.Findings, f => f.RuleId == "phase1-auth-failed");
        Assert.StartsWith("Pre-shared key", auth.Remediation[0], StringComparison.Ordinal);
        Assert.DoesNotContain(auth.Remediation, s => s.Contains('{', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("udp500-blocked", "ike-no-response", "Main Mode message 1")]
    [InlineData("natt-udp4500-blocked", "natt-udp4500-blocked", "UDP 500 part of Main Mode")]
    public void A_summary_names_the_phase_1_exchange_in_words_not_as_an_enum_identifier(string scenario, string rule, string words)
    {
        Finding finding = FindingOf(scenario, rule);
        Assert.Contains(words, finding.Summary, StringComparison.Ordinal);
        Assert.DoesNotMatch("MainMode|AggressiveMode|IkeSaInit", finding.Summary);
    }
}
