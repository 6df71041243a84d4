using Analyzer.Testing;
using Analyzer.Reporting.Document;

namespace Analyzer.Cli.Tests;

/// <summary>
/// xl2tpd's logs join the attempt of the peer they name: a healthy connection's charon and xl2tpd
/// logs alone show the L2TP tunnel and session passed, and a capture-backed attempt takes its xl2tpd
/// log's lines too.
/// </summary>
public sealed class L2tpLogJoinTests
{
    private static string Lab(string scenario, string file) => Path.Combine(RepoPaths.Samples, "captures", scenario, file);

    private static string Outcome(ReportAttempt attempt, string stage) => attempt.Stages.Single(s => s.Stage == stage).Outcome;

    [Fact]
    public void Charon_and_xl2tpd_logs_of_a_healthy_connection_alone_show_the_l2tp_tunnel_and_session_passed()
    {
        string[] logs = ["charon-client.log", "charon-server.log", "xl2tpd-client.log", "xl2tpd-server.log"];
        ReportAttempt attempt = Assert.Single(BuiltInCatalogue.Analyze(logs.Select(l => Lab("healthy-psk", l)).ToArray()).Document.Attempts);
        Assert.Equal("passed", Outcome(attempt, "l2tp-tunnel"));
        Assert.Equal("passed", Outcome(attempt, "l2tp-session"));
        Assert.Equal(4, attempt.Views.Count);
    }

    [Fact]
    public void The_servers_xl2tpd_log_alone_with_the_servers_charon_log_joins_by_the_clients_address()
    {
        ReportAttempt attempt = Assert.Single(BuiltInCatalogue.Analyze([Lab("healthy-psk", "charon-server.log"), Lab("healthy-psk", "xl2tpd-server.log")]).Document.Attempts);
        Assert.Contains(attempt.Views, v => v.Input.EndsWith("xl2tpd-server.log", StringComparison.Ordinal));
        Assert.Equal("passed", Outcome(attempt, "l2tp-tunnel"));
    }

    [Fact]
    public void A_capture_backed_attempt_takes_the_lines_of_its_xl2tpd_log()
    {
        ReportAttempt attempt = Assert.Single(BuiltInCatalogue.Analyze([Lab("healthy-psk", "client.pcap"), Lab("healthy-psk", "xl2tpd-client.log")]).Document.Attempts);
        Assert.Contains(attempt.Views, v => v.Input.EndsWith("xl2tpd-client.log", StringComparison.Ordinal));
    }
}
