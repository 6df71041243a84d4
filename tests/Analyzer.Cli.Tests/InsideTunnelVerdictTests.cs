using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Reporting.Document;

namespace Analyzer.Cli.Tests;

/// <summary>
/// IPsec up, L2TP and PPP unseen inside ESP: the verdict says that keys or the client's RasClient
/// events decide what failed inside, instead of a bare "IPsec is up".
/// </summary>
public sealed class InsideTunnelVerdictTests
{
    [Theory]
    [InlineData("l2tp-ppp-auth-failed")]
    [InlineData("l2tp-ppp-mschapv2-wrong-password")]
    [InlineData("l2tp-ppp-healthy")]
    public void A_server_capture_alone_without_keys_says_keys_or_rasclient_events_decide_the_inside(string scenario)
    {
        string capture = Path.Combine(SampleScenarios.PathOf(scenario), "server.pcap");
        Assert.SkipUnless(File.Exists(capture), capture + " is absent");
        ReportVerdict verdict = Verdict([capture]);
        Assert.NotEqual("error", verdict.Severity);
        Assert.Contains("cannot tell whether anything failed inside the tunnel", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("esp_sa", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("ip xfrm state", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("chd 4", verdict.Sentence, StringComparison.Ordinal);
        Assert.Contains("RasClient", verdict.Sentence, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(verdict.FirstAction));
    }

    [Theory]
    [InlineData("l2tp-ppp-mschapv2-wrong-password", "ppp-auth-failed")]
    [InlineData("l2tp-ppp-auth-failed", "ppp-auth-failed")]
    public void With_keys_the_verdict_names_the_inner_cause_and_not_the_missing_keys(string scenario, string rule)
    {
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf(scenario)), scenario + " is absent");
        ReportVerdict verdict = Verdict([SampleScenarios.PathOf(scenario)]);
        Assert.Equal(rule, verdict.Rule);
        Assert.DoesNotContain("cannot tell whether anything failed inside", verdict.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void With_keys_a_healthy_tunnel_does_not_ask_for_keys()
    {
        const string scenario = "l2tp-ppp-mschapv2-healthy";
        Assert.SkipUnless(Directory.Exists(SampleScenarios.PathOf(scenario)), scenario + " is absent");
        ReportVerdict verdict = Verdict([SampleScenarios.PathOf(scenario)]);
        Assert.DoesNotContain("cannot tell whether anything failed inside", verdict.Sentence, StringComparison.Ordinal);
    }

    private static ReportVerdict Verdict(string[] paths) =>
        BuiltInCatalogue.Analyze(paths).Document.Verdict ?? throw new InvalidOperationException("no verdict");
}
