using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Reporting.Document;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Rules on the <c>attempt</c> subject (issue 18): judged once per connection attempt across all its
/// captures and logs, from what the attempt already owns (its stages, its ESP per direction), so one
/// finding names the attempt and cites every capture; and the log-only stage logic agreeing with the
/// captures where the log holds the evidence.
/// </summary>
public sealed class AttemptRuleTests
{
    [Fact]
    public void Esp_not_received_stays_quiet_when_the_server_capture_decrypts_the_clients_esp_into_an_unanswered_l2tp_setup()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze(SampleScenarios.PathOf("l2tp-no-lns"));
        ReportAttempt attempt = Assert.Single(result.Document.Attempts);
        Assert.Equal("passed", Assert.Single(attempt.Stages, s => s.Stage == "esp").Outcome);
        Assert.Equal("l2tp-tunnel", attempt.FailedStage);
        var rules = result.Document.Findings.Select(f => f.Rule).ToList();
        Assert.DoesNotContain("esp-not-received", rules);
        Assert.Contains("l2tp-setup-failed", rules);
    }

    [Fact]
    public void Esp_lost_one_way_between_two_captures_is_one_finding_for_the_attempt_citing_both_captures()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze(SampleScenarios.PathOf("esp-dropped-one-way"));
        ReportFinding finding = Assert.Single(result.Document.Findings, f => f.Rule == "esp-not-received");
        Assert.Equal(["A1"], finding.Attempts);
        var inputs = finding.Evidence.Select(e => Path.GetFileName(e.Input)).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["client.pcap", "server.pcap"], inputs);
        // The per-capture counts come from the attempt's flows: the server's ESP is in its own capture, never in the client's.
        Assert.Contains("client.pcap: 7 from the client, 0 from the server", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("server.pcap: 7 from the client, 9 from the server", finding.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("occurrences", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Esp_not_received_remediation_names_the_lost_direction_and_udp_4500_with_the_case_addresses()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze(SampleScenarios.PathOf("esp-dropped-one-way"));
        ReportFinding finding = Assert.Single(result.Document.Findings, f => f.Rule == "esp-not-received");
        Assert.Contains(finding.Remediation, step => step.Contains("allow UDP 4500 between 198.51.100.20 and 203.0.113.10", StringComparison.Ordinal));
        Assert.Contains(finding.Remediation, step => step.Contains("The server's ESP left 203.0.113.10 and never reached 198.51.100.20's capture", StringComparison.Ordinal));
        // ESP travels in UDP 4500 here: no step about IP protocol 50, and with both ends captured no advice to capture both ends.
        Assert.DoesNotContain(finding.Remediation, step => step.Contains("protocol 50", StringComparison.Ordinal));
        Assert.DoesNotContain(finding.Remediation, step => step.Contains("Capture on both sides", StringComparison.Ordinal));
    }

    [Fact]
    public void Esp_not_received_fires_on_the_client_capture_alone_when_nothing_came_back()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze(Path.Combine(SampleScenarios.PathOf("esp-dropped-one-way"), "client.pcap"));
        ReportFinding finding = Assert.Single(result.Document.Findings, f => f.Rule == "esp-not-received");
        Assert.Contains(finding.Remediation, step => step.Contains("Capture on both sides", StringComparison.Ordinal));
    }

    [Fact]
    public void A_charon_initiator_log_that_received_ts_unacceptable_places_phase2_on_the_server_that_refused_the_selectors()
    {
        ReportAttempt attempt = Assert.Single(BuiltInCatalogue.Analyze(Path.Combine(SampleScenarios.PathOf("ikev2-ts-refused"), "charon-client.log")).Document.Attempts);
        Assert.Equal("phase2", attempt.FailedStage);
        Assert.Equal("server", attempt.Side);
    }

    [Fact]
    public void A_charon_responder_log_of_ikev2_knows_it_is_the_server_and_places_its_ts_refusal_there()
    {
        ReportAttempt attempt = Assert.Single(BuiltInCatalogue.Analyze(Path.Combine(SampleScenarios.PathOf("ikev2-ts-refused"), "charon-server.log")).Document.Attempts);
        Assert.Equal("phase2", attempt.FailedStage);
        Assert.Equal("server", attempt.Side);
        Assert.Equal("198.51.100.20:500", attempt.Client);
    }

    [Fact]
    public void Stages_a_log_only_attempt_cannot_decide_are_unknown_and_say_what_would_decide()
    {
        ReportAttempt attempt = Assert.Single(BuiltInCatalogue.Analyze(Path.Combine(SampleScenarios.PathOf("healthy-psk"), "charon-server.log")).Document.Attempts);
        Assert.Null(attempt.FailedStage);
        ReportAttemptStage esp = Assert.Single(attempt.Stages, s => s.Stage == "esp");
        Assert.Equal("unknown", esp.Outcome);
        Assert.Contains(esp.Evidence, e => e.Text.Contains("the attempt's logs say nothing of this stage", StringComparison.Ordinal)
            && e.Text.Contains("a capture at either end", StringComparison.Ordinal));
    }

    [Fact]
    public void One_client_rekeying_over_udp_4500_gives_rekeys_not_a_second_client_displacing_the_first()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze(SampleScenarios.PathOf("rekey-churn"));
        Assert.DoesNotContain(result.Document.Attempts.SelectMany(a => a.Relations), r => r.StartsWith("displaced-by", StringComparison.Ordinal));
        Assert.Contains("rekey-of A1", result.Document.Attempts[1].Relations);
    }

    [Fact]
    public void A_second_client_behind_the_same_nat_still_displaces_the_first()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze(SampleScenarios.PathOf("second-client-nat-fails"));
        Assert.Contains("displaced-by A2", result.Document.Attempts[0].Relations);
    }
}
