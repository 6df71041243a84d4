using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Reporting;
using Analyzer.Reporting.Document;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Advice fits the peers the evidence shows (issue 18): Windows registry advice only for a Windows
/// client (or, as "if the client is Windows", when nothing says what it is), and each daemon's own
/// secrets file in the log-side remediation.
/// </summary>
public sealed class PeerKindAdviceTests
{
    [Fact]
    public void Nat_detected_between_strongswan_peers_gives_no_windows_registry_advice()
    {
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf("two-clients-one-nat")), "two-clients-one-nat is absent");
        var findings = BuiltInCatalogue.Analyze([SampleScenarios.PathOf("two-clients-one-nat")]).Document.Findings
            .Where(f => f.Rule == "nat-detected").ToList();
        Assert.NotEmpty(findings);
        // strongSwan sends vendor IDs and none of them is Microsoft's, which every Windows IKE sends.
        Assert.All(findings, f => Assert.DoesNotContain(f.Remediation, step => step.Contains("AssumeUDPEncapsulationContextOnSendRule", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_libreswan_log_alone_that_shows_a_psk_mismatch_names_ipsec_secrets_in_its_remediation()
    {
        string log = Path.Combine(SampleScenarios.PathOf("libreswan-client-psk-mismatch"), "pluto-client-syslog.log");
        Assert.SkipUnless(File.Exists(log), log + " is absent");
        ReportFinding finding = Assert.Single(BuiltInCatalogue.Analyze([log]).Document.Findings, f => f.Rule == "phase1-auth-failed");
        Assert.Contains(finding.Remediation, step => step.Contains("Libreswan: ipsec.secrets", StringComparison.Ordinal));
    }

    [Fact]
    public void A_log_alone_whose_finding_comes_from_its_lines_names_that_finding_as_the_attempts_cause()
    {
        string log = Path.Combine(SampleScenarios.PathOf("libreswan-client-psk-mismatch"), "pluto-client-syslog.log");
        Assert.SkipUnless(File.Exists(log), log + " is absent");
        ReportDocument document = BuiltInCatalogue.Analyze([log]).Document;
        ReportAttempt attempt = Assert.Single(document.Attempts);
        Assert.Equal("phase1-auth-failed", document.Verdict?.Rule);
        Assert.Equal("phase1-auth-failed", attempt.Rule);
        Assert.Equal(["A1"], Assert.Single(document.Findings, f => f.Rule == "phase1-auth-failed").Attempts);
    }
}
