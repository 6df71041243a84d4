using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Markdown;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// What an attempt shows of its logs: psk-mismatch has four charon logs (two hosts, two levels)
/// that repeat the same failure on every retransmission, among hundreds of task lines.
/// </summary>
public sealed class AttemptLogLinesTests
{
    private static readonly Lazy<BundleAnalysisResult> PskMismatch = new(() =>
        BuiltInCatalogue.Analyze([SampleScenarios.PathOf("psk-mismatch")]));

    [Fact]
    public void An_attempt_lists_each_logged_failure_once_per_log_and_the_give_up_and_counts_every_line()
    {
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf("psk-mismatch")), "samples/captures/psk-mismatch is absent");
        ReportAttempt attempt = Assert.Single(PskMismatch.Value.Document.Attempts);

        Assert.True(attempt.RecordsTotal > attempt.Records.Count, $"{attempt.RecordsTotal} lines in all, {attempt.Records.Count} listed");
        Assert.Contains(attempt.Records, r => r.Text.Contains("giving up after", StringComparison.Ordinal));
        Assert.Contains(attempt.Records, r => r.Text.Contains("could not decrypt payloads", StringComparison.Ordinal));
        Assert.DoesNotContain(attempt.Records, r => r.Text.Contains("queueing", StringComparison.Ordinal));
        var parsingFailed = attempt.Records.Where(r => r.Text == "message parsing failed").ToList();
        Assert.Equal(parsingFailed.Count, parsingFailed.Select(r => r.Input).Distinct().Count());
        Assert.Contains("log lines: those the event maps recognise", MarkdownReportWriter.ToMarkdown(PskMismatch.Value.Document), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stage_cites_a_failure_repeated_in_one_log_once_with_every_record()
    {
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf("psk-mismatch")), "samples/captures/psk-mismatch is absent");
        ReportAttempt attempt = Assert.Single(PskMismatch.Value.Document.Attempts);
        ReportAttemptStage auth = Assert.Single(attempt.Stages, s => s.Stage == "phase1-auth");
        List<ReportEvidence> repeated = auth.Evidence
            .Where(e => e.Record is not null && e.Input.EndsWith("charon-client-ike4.log", StringComparison.Ordinal))
            .GroupBy(e => e.Text).Where(g => g.Count() > 1).Select(g => g.ToList()).First();

        string row = MarkdownReportWriter.ToMarkdown(PskMismatch.Value.Document).Split('\n').Single(l => l.StartsWith("| `phase1-auth` |", StringComparison.Ordinal));
        string records = "records " + string.Join(", ", repeated.Select(e => e.Record!.Value).Take(4));
        Assert.Contains(records, row, StringComparison.Ordinal);
        Assert.All(repeated.Skip(1), e => Assert.DoesNotContain("record " + e.Record, row, StringComparison.Ordinal));
    }
}

/// <summary>Remediation in the case's own terms (issue 18): which algorithm, on which peer.</summary>
public sealed class WeakCryptoRemediationTests
{
    [Fact]
    public void Weak_crypto_remediation_names_the_weak_algorithm_and_the_peers_of_the_case_not_a_generic_list()
    {
        string capture = RepoPaths.RequireShared("captures/suricata-verify/ikev1-isakmp-main-mode.pcap");
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([capture]);

        ReportFinding weak = Assert.Single(result.Document.Findings, f => f.Rule == "weak-crypto");
        Assert.StartsWith("Remove modp1024 (SHOULD NOT", weak.Remediation[0], StringComparison.Ordinal);
        Assert.Contains("192.168.12.1 offers", weak.Remediation[0], StringComparison.Ordinal);
        Assert.Contains("192.168.12.2 chose modp1024", weak.Remediation[1], StringComparison.Ordinal);
        Assert.DoesNotContain(weak.Remediation, step => step.Contains("DES, MD5", StringComparison.Ordinal));
    }
}

/// <summary>Lost IKE fragments: the remediation names the two peers and the message that never arrived whole.</summary>
public sealed class FragmentRemediationTests
{
    [Fact]
    public void Lost_ike_fragments_remediation_names_the_peers_and_the_message_that_never_arrived_whole()
    {
        string scenario = SampleScenarios.PathOf("large-cert-fragments-dropped");
        Assert.SkipUnless(Directory.Exists(scenario), scenario + " is absent");
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([scenario]);

        ReportFinding lost = Assert.Single(result.Document.Findings, f => f.Rule == "ike-fragments-lost");
        Assert.Equal("Let IP fragments of UDP 500/4500 between 198.51.100.20 and 203.0.113.10 pass every firewall and NAT device on the path: "
            + "message 5 went out in 2 fragments and never arrived whole.", lost.Remediation[0]);
    }
}

/// <summary>A capture that holds only the initiator's direction (a one-way span port, an asymmetric route).</summary>
public sealed class OneDirectionCaptureTests
{
    [Fact]
    public void An_initiator_that_reaches_message_5_in_a_one_way_capture_is_not_reported_as_resending_message_1()
    {
        string scenario = SampleScenarios.PathOf("psk-mismatch");
        Assert.SkipUnless(Directory.Exists(scenario), scenario + " is absent");
        string oneWay = Path.Combine(Path.GetTempPath(), $"vpndiag-one-way-{Environment.ProcessId}.pcap");
        try
        {
            // tshark writes the client's own packets only: MM1, MM3, MM5 (and its retransmissions).
            ExternalTool.Run(Tshark.Require(), ["-r", Path.Combine(scenario, "client.pcap"), "-Y", "ip.src == 198.51.100.20", "-F", "pcap", "-w", oneWay]);
            BundleAnalysisResult result = BuiltInCatalogue.Analyze([oneWay]);

            Assert.DoesNotContain(result.Document.Findings, f => f.Rule == "ike-no-response");
            Assert.DoesNotContain(result.Document.Findings, f => f.Summary.Contains("message 1 3 times", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(oneWay);
        }
    }
}
