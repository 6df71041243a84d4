using System.Text.Json;
using Analyzer.Cli.Commands;
using Analyzer.Correlation.Attempts;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Reporting.Markdown;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Connection attempts (issue 18) on the lab's scenarios, through the pipeline library as the CLI
/// runs it: the attempts each expected.json names, one attempt per negotiation seen from both
/// ends, the ambiguity of a client capture alone, and the attempts table at the top of the report.
/// </summary>
public sealed class AttemptScenarioTests
{
    public static TheoryData<string> Scenarios => SampleScenarios.Names();

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_has_the_attempts_its_expected_json_names_with_failing_stage_and_side(string scenario)
    {
        List<(string? FailedStage, string Side)>? expected = ExpectedAttempts(scenario);
        Assert.SkipWhen(expected is null, scenario + ": expected.json names no attempts");
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf(scenario)]);
        var actual = result.Document.Attempts.Select(a => (a.FailedStage, a.Side)).ToList();
        Assert.Equal(expected!, actual);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Captures_alone_give_the_attempts_the_expected_json_names_without_keys(string scenario)
    {
        List<(string? FailedStage, string Side)>? expected = ExpectedAttempts(scenario, withoutKeys: true);
        Assert.SkipWhen(expected is null, scenario + ": expected.json names no attempts under withoutKeys");
        // The captures alone, as paths: no key table or log of the bundle is read.
        string[] captures = Directory.GetFiles(SampleScenarios.PathOf(scenario), "*.pcap").Order(StringComparer.Ordinal).ToArray();
        BundleAnalysisResult result = BuiltInCatalogue.Analyze(captures);
        Assert.DoesNotContain(result.Case.Captures.SelectMany(c => c.IkeSas), sa => sa.Decrypted);
        var actual = result.Document.Attempts.Select(a => (a.FailedStage, a.Side)).ToList();
        Assert.Equal(expected!, actual);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Negotiation_captured_at_both_ends_is_one_attempt_with_a_client_and_a_server_view(string scenario)
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf(scenario)]);
        Assert.SkipWhen(result.Case.Captures.Count < 2 || result.Case.Paths.Count == 0, scenario + ": not captured at two vantage points");
        var cookies = result.Case.Captures.SelectMany(c => c.IkeSas).Select(sa => sa.InitiatorCookie).Distinct().ToList();
        List<ConnectionAttempt> ike = result.Case.Attempts.Attempts.Where(a => a.IkeVersion is not null).ToList();
        Assert.Equal(cookies.Count, ike.Count);
        foreach (ConnectionAttempt attempt in ike.Where(a => a.Reconciliation.BothEnds))
        {
            // Each message once: no two entries of one attempt carry the same bytes.
            Assert.Equal(attempt.Messages.Count, attempt.Messages.Select(m => m.First.ContentHash).Distinct().Count());
            Assert.Contains(attempt.Messages, m => m.Sighting == MessageSighting.Both);
        }

        if (ike.Count == 0)
        {
            // L2TP without IPsec: the tunnel seen by both captures is still one attempt with two views.
            Assert.All(result.Case.Attempts.Attempts, a => Assert.True(a.Views.Count(v => v.Role != "log") >= 2, a.Id + " has one capture view"));
            return;
        }

        Assert.Contains(ike, a => a.Reconciliation.BothEnds);
    }

    [Theory]
    [InlineData("udp500-blocked")]
    [InlineData("natt-udp4500-blocked")]
    public void Client_capture_alone_of_an_unanswered_exchange_says_the_server_side_decides(string scenario)
    {
        string client = Path.Combine(SampleScenarios.PathOf(scenario), "client.pcap");
        Assert.SkipUnless(File.Exists(client), client + " is absent");
        BundleAnalysisResult both = BuiltInCatalogue.Analyze([SampleScenarios.PathOf(scenario)]);
        BundleAnalysisResult alone = BuiltInCatalogue.Analyze([client]);

        Assert.Equal("path", both.Document.Attempts[0].Side);
        var attempt = Assert.Single(alone.Document.Attempts);
        Assert.Equal("unknown", attempt.Side);
        Assert.Equal("blocked on the path or rejected by the server; a capture or log from the server decides", attempt.SideReason);
        Assert.Contains("a capture or log from the server decides", MarkdownReportWriter.ToMarkdown(alone.Document), StringComparison.Ordinal);
    }

    /// <summary>
    /// Every scenario captured at both ends: where the two captures place an unanswered IKE exchange
    /// (lost on the path, or received by the server and not answered), the client's capture alone
    /// cannot, and must say so instead of guessing.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Client_capture_alone_says_the_server_side_decides_wherever_only_the_server_side_could_place_the_failure(string scenario)
    {
        string client = Path.Combine(SampleScenarios.PathOf(scenario), "client.pcap");
        string server = Path.Combine(SampleScenarios.PathOf(scenario), "server.pcap");
        Assert.SkipUnless(File.Exists(client) && File.Exists(server), scenario + ": not captured at the client and the server");
        BundleAnalysisResult both = BuiltInCatalogue.Analyze([client, server]);
        BundleAnalysisResult alone = BuiltInCatalogue.Analyze([client]);
        string[] ikeStages = ["ike-reachability", "phase1-proposal", "phase1-auth", "phase2"];
        string[] serverSideDecides = ["sent by the client, never reached the server: lost on the path", "the server received it and did not answer"];
        var decided = both.Document.Attempts.Where(a => ikeStages.Contains(a.FailedStage) && serverSideDecides.Contains(a.SideReason)).ToList();
        Assert.SkipWhen(decided.Count == 0, scenario + ": no unanswered IKE exchange that only the server's side places");
        foreach (var attempt in decided)
        {
            var seen = Assert.Single(alone.Document.Attempts, a => a.Ike.InitiatorSpi == attempt.Ike.InitiatorSpi);
            Assert.Equal("unknown", seen.Side);
            Assert.Equal("blocked on the path or rejected by the server; a capture or log from the server decides", seen.SideReason);
        }

        // Nor does a client capture alone ever place a failure on the path.
        Assert.DoesNotContain(alone.Document.Attempts, a => a.Side == "path");
    }

    [Fact]
    public void Unanswered_SCCRQ_decrypted_from_ESP_fails_the_L2TP_tunnel_stage_on_the_server_side_not_ESP()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf("l2tp-no-lns")]);
        ConnectionAttempt attempt = Assert.Single(result.Case.Attempts.Attempts);
        Assert.Equal(AttemptStage.L2tpTunnel, attempt.FailedStage);
        Assert.Equal(AttemptSide.Server, attempt.Side);
        Assert.Equal(StageOutcome.Passed, attempt[AttemptStage.Esp].Outcome);
        Assert.Contains(attempt[AttemptStage.Esp].Evidence, e => e.Kind == EvidenceKind.Derived && e.Frame is not null);
    }

    [Fact]
    public void Later_unanswered_ICRQ_is_shown_in_the_attempts_L2TP_session_stage()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf("l2tp-retries-exceeded")]);
        ConnectionAttempt attempt = Assert.Single(result.Case.Attempts.Attempts);
        var unanswered = attempt.L2tpTunnels.SelectMany(t => t.Sessions).Where(s => s.State == Analyzer.Sessions.L2tp.L2tpSessionState.WaitReply).ToList();
        Assert.NotEmpty(unanswered);
        // The call seen at both ends: one evidence line per capture that shows it.
        Assert.All(unanswered, session => Assert.Contains(attempt[AttemptStage.L2tpSession].Evidence,
            e => e.Frame == session.FirstFrame && e.Text.Contains("ICRQ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("two-clients-one-nat")]
    [InlineData("second-client-nat-fails")]
    [InlineData("healthy-psk")]
    public void Decrypted_tunnel_belongs_to_the_attempt_of_the_SA_that_carried_it(string scenario)
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf(scenario)]);
        var carried = result.Case.Captures.SelectMany(c => c.L2tpTunnels).Where(t => t.Carrier is not null).ToList();
        Assert.NotEmpty(carried);
        Assert.All(carried, t => Assert.Same(result.Case.Attempts.Of(t.Carrier!), result.Case.Attempts.Of(t)));
    }

    [Fact]
    public void Healthy_psk_markdown_shows_verdict_and_attempts_table_within_40_lines()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf("healthy-psk")]);
        string[] lines = MarkdownReportWriter.ToMarkdown(result.Document).Split('\n');
        int heading = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal) && l.Contains("attempts", StringComparison.OrdinalIgnoreCase));
        Assert.True(heading > 0, "no heading with the word attempts");
        int row = Array.FindIndex(lines, heading, l => l.StartsWith('|'));
        Assert.True(row > heading, "no table under the attempts heading");
        while (row < lines.Length && lines[row].StartsWith('|'))
        {
            row++;
        }

        int end = row;   // the table's last line, counted from 1
        Assert.True(end <= 40, $"the attempts table ends on line {end}");
        Assert.True(Array.FindIndex(lines, l => l.StartsWith("## Verdict", StringComparison.Ordinal)) < heading);
        Assert.Contains(lines.Take(end), l => l.StartsWith("| A1 |", StringComparison.Ordinal));
    }

    [Fact]
    public void Forced_encapsulation_with_unchanged_addresses_is_not_reported_as_a_nat()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf("healthy-psk")]);
        ConnectionAttempt attempt = Assert.Single(result.Case.Attempts.Attempts);
        Assert.True(attempt.Reconciliation.NatDiscoveryReportedNat);
        Assert.False(attempt.Reconciliation.AddressesTranslated);
        Assert.True(attempt.Reconciliation.ForcedEncapsulation);
        var rules = result.Document.Findings.Select(f => f.Rule).ToList();
        Assert.DoesNotContain("nat-detected", rules);
        Assert.Contains("nat-forced-encapsulation", rules);
    }

    [Fact]
    public void Nat_between_two_clients_and_the_server_is_still_reported_as_a_nat()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf("two-clients-one-nat")]);
        Assert.Contains(result.Case.Attempts.Attempts, a => a.Reconciliation.AddressesTranslated == true && a.Reconciliation.ForcedEncapsulation == false);
        Assert.Contains("nat-detected", result.Document.Findings.Select(f => f.Rule));
    }

    [Fact]
    public void Findings_name_their_attempts_and_no_summary_counts_occurrences()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf("psk-mismatch")]);
        var finding = Assert.Single(result.Document.Findings, f => f.Rule == "phase1-auth-failed");
        Assert.Equal(["A1"], finding.Attempts);
        Assert.All(result.Document.Findings, f => Assert.DoesNotContain("occurrences across the inputs", f.Summary, StringComparison.Ordinal));
        Assert.Equal("phase1-auth", result.Document.Attempts[0].FailedStage);
        Assert.Equal("server", result.Document.Attempts[0].Side);
        Assert.Equal("phase1-auth-failed", result.Document.Attempts[0].Rule);
    }

    [Fact]
    public void Attempt_spis_use_the_spelling_of_the_ike_sa_cookies()
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf("healthy-psk")]);
        var attempt = Assert.Single(result.Document.Attempts);
        Assert.Contains(result.Document.Ike.Sas, sa => sa.InitiatorCookie == attempt.Ike.InitiatorSpi && sa.ResponderCookie == attempt.Ike.ResponderSpi);
    }

    /// <summary>expected.json "attempts" (with the bundle's keys), or "withoutKeys"."attempts" (the captures alone).</summary>
    private static List<(string? FailedStage, string Side)>? ExpectedAttempts(string scenario, bool withoutKeys = false)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleScenarios.PathOf(scenario), "expected.json")));
        JsonElement root = document.RootElement;
        if (withoutKeys && !root.TryGetProperty("withoutKeys", out root))
        {
            return null;
        }

        if (!root.TryGetProperty("attempts", out JsonElement attempts))
        {
            return null;
        }

        return attempts.EnumerateArray()
            .Select(a => (a.GetProperty("failedStage").GetString(), a.GetProperty("side").GetString() ?? ""))
            .ToList();
    }
}
