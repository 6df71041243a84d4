using Analyzer.Reporting;
using Analyzer.Reporting.Document;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Two answers on top of the report that must not overclaim (issue 18): an attempt that stopped at
/// an encrypted exchange with nothing after it is undecided, not "ok"; and a failed attempt's cause
/// is a finding whose rule explains the failed stage (rule key <c>stages</c>), never a symptom beside it.
/// </summary>
public sealed class AttemptCauseAndUndecidedTests
{
    /// <summary>Copies one capture into a fresh directory, so that no key file of its scenario sits beside it.</summary>
    private static ReportDocument AnalyzeAlone(string scenario, string file)
    {
        string source = Path.Combine(SampleScenarios.PathOf(scenario), file);
        Assert.SkipUnless(File.Exists(source), source + " is absent");
        string directory = Path.Combine(Path.GetTempPath(), $"vpndiag-alone-{scenario}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            string copy = Path.Combine(directory, file);
            File.Copy(source, copy);
            return BuiltInCatalogue.Analyze(copy).Document;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void An_ikev2_server_capture_without_keys_whose_ike_auth_is_answered_encrypted_with_no_esp_after_is_undecided_and_names_the_keys()
    {
        ReportDocument document = AnalyzeAlone("ikev2-ts-refused", "server.pcap");
        ReportVerdict verdict = document.Verdict ?? throw new InvalidOperationException("no verdict");
        Assert.Equal("warning", verdict.Severity);
        Assert.Null(verdict.Rule);
        Assert.Equal("Attempt A1 stopped at phase1-auth: its outcome cannot be decided without the IKEv2 keys", verdict.Title);
        Assert.Contains("--keys", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("ikev2_decryption_table", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("beside the capture", verdict.FirstAction, StringComparison.Ordinal);
        ReportAttempt attempt = Assert.Single(document.Attempts);
        Assert.Null(attempt.FailedStage);
        Assert.Equal("undecided at phase1-auth without the IKEv2 keys", attempt.Cause);
        Assert.Null(attempt.Rule);
    }

    [Theory]
    [InlineData("ikev2-ts-refused", "client.pcap")]
    [InlineData("ikev2-no-address-pool", "server.pcap")]
    [InlineData("ikev2-no-address-pool", "client.pcap")]
    [InlineData("ikev2-cert-no-server-eku", "server.pcap")]
    [InlineData("ikev2-cert-no-server-eku", "client.pcap")]
    public void An_ikev2_capture_alone_that_stops_at_an_encrypted_exchange_never_reads_ok_or_info(string scenario, string file)
    {
        ReportDocument document = AnalyzeAlone(scenario, file);
        ReportVerdict verdict = document.Verdict ?? throw new InvalidOperationException("no verdict");
        bool stoppedEncrypted = document.Attempts.Any(a => a.FailedStage is null
            && a.Stages.Any(s => s.Outcome == "unknown" && s.Evidence.Any(e => e.Text.Contains("encrypted", StringComparison.Ordinal)))
            && !a.Stages.Any(s => s.Stage == "esp" && s.Outcome == "passed"));
        Assert.SkipUnless(stoppedEncrypted, $"{scenario}/{file} alone does not stop at an encrypted exchange");
        Assert.Contains(verdict.Severity, (string[])["warning", "error"]);
        Assert.True(verdict.Rule is not null || verdict.Title.Contains("cannot be decided without", StringComparison.Ordinal), verdict.Title);
    }

    [Fact]
    public void The_same_ikev2_server_capture_with_its_key_table_beside_it_is_decided_and_not_called_undecided()
    {
        string scenario = SampleScenarios.PathOf("ikev2-ts-refused");
        Assert.SkipUnless(Directory.Exists(scenario), scenario + " is absent");
        ReportDocument document = BuiltInCatalogue.Analyze(Path.Combine(scenario, "server.pcap"), Path.Combine(scenario, "ikev2_decryption_table")).Document;
        Assert.DoesNotContain("cannot be decided", document.Verdict?.Title ?? "", StringComparison.Ordinal);
        Assert.Equal("phase2", Assert.Single(document.Attempts).FailedStage);
    }

    [Fact]
    public void An_unanswered_ike_sa_init_names_no_weak_crypto_cause_because_weak_algorithms_do_not_explain_reachability()
    {
        string capture = Path.Combine(RepoPaths.RequireShared("captures"), "tcpdump", "ikev2pI2.pcap");
        Assert.SkipUnless(File.Exists(capture), capture + " is absent");
        ReportDocument document = BuiltInCatalogue.Analyze(capture).Document;
        ReportAttempt attempt = Assert.Single(document.Attempts);
        Assert.Equal("ike-reachability", attempt.FailedStage);
        Assert.Contains("weak-crypto", attempt.Findings);
        Assert.NotEqual("weak-crypto", attempt.Rule);
        Assert.StartsWith("no rule explains it", attempt.Cause, StringComparison.Ordinal);
        ReportVerdict verdict = document.Verdict ?? throw new InvalidOperationException("no verdict");
        Assert.Equal("Attempt A1 failed at ike-reachability and no rule explains it", verdict.Title);
    }

    [Fact]
    public void A_scenario_failing_at_phase1_auth_keeps_the_rule_that_explains_that_stage_as_its_cause()
    {
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf("psk-mismatch")), "psk-mismatch is absent");
        ReportAttempt attempt = Assert.Single(BuiltInCatalogue.Analyze(SampleScenarios.PathOf("psk-mismatch")).Document.Attempts);
        Assert.Equal("phase1-auth", attempt.FailedStage);
        Assert.Equal("phase1-auth-failed", attempt.Rule);
    }
}
