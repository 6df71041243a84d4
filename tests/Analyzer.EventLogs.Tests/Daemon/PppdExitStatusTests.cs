using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests.Daemon;

/// <summary>
/// xl2tpd's "pppd exited for call N with code C": pppd's exit status (pppd.h EXIT_*) names the PPP
/// cause in a log-only bundle, at the PPP stage it speaks of.
/// </summary>
public sealed class PppdExitStatusTests
{
    [Theory]
    [InlineData("4", "xl2tpd-pppd-no-kernel-support", "ppp-lcp", "EXIT_NO_KERNEL_SUPPORT")]
    [InlineData("2", "xl2tpd-pppd-start-failed", "ppp-lcp", "EXIT_OPTION_ERROR")]
    [InlineData("10", "xl2tpd-pppd-negotiation-failed", "ppp-lcp", "EXIT_NEGOTIATION_FAILED")]
    [InlineData("11", "xl2tpd-pppd-peer-auth-failed", "ppp-auth", "EXIT_PEER_AUTH_FAILED")]
    [InlineData("19", "xl2tpd-pppd-auth-to-peer-failed", "ppp-auth", "EXIT_AUTH_TOPEER_FAILED")]
    [InlineData("15", "xl2tpd-pppd-peer-dead", "ppp-lcp", "EXIT_PEER_DEAD")]
    public void A_failing_exit_status_is_a_failure_at_its_ppp_stage_with_pppds_symbol(string code, string kind, string stage, string symbol)
    {
        NormalizedEvent normalized = Normalize("child_handler : pppd exited for call 10096 with code " + code);
        Assert.Equal(kind, normalized.Kind);
        Assert.True(normalized.IsFailure);
        Assert.Equal(stage, normalized.Stage);
        Assert.Equal(symbol, normalized.Fields["pppdExit"]);
        Assert.Contains(symbol, normalized.FailureReason, StringComparison.Ordinal);
        Assert.Null(normalized.Code); // pppd's status is not a Windows error number
    }

    [Theory]
    [InlineData("0", "EXIT_OK")]
    [InlineData("5", "EXIT_USER_REQUEST")]
    [InlineData("16", "EXIT_HANGUP")]
    public void A_normal_exit_status_stays_information(string code, string symbol)
    {
        NormalizedEvent normalized = Normalize("child_handler : pppd exited for call 7 with code " + code);
        Assert.Equal("xl2tpd-pppd-exited", normalized.Kind);
        Assert.False(normalized.IsFailure);
        Assert.Equal(symbol, normalized.Fields["pppdExit"]);
    }

    [Fact]
    public void The_labs_server_log_alone_names_the_missing_kernel_ppp_support()
    {
        string path = SampleLogs.LabFile("healthy-psk", "xl2tpd-server.log");
        Assert.SkipUnless(File.Exists(path), path + " is absent");
        EventLogReadResult result = SampleLogs.Read(path, 2026);
        EventRecord exit = Assert.Single(result.Records, r => r.Normalized?.Kind == "xl2tpd-pppd-no-kernel-support");
        Assert.Contains("no PPP support", exit.Normalized!.FailureReason, StringComparison.Ordinal);
    }

    private static NormalizedEvent Normalize(string message)
    {
        var record = new EventRecord { InputIndex = 0, RecordId = 1, Provider = "xl2tpd", Message = message };
        return Analyzer.EventLogs.Normalization.EventNormalizer.Normalize(record) ?? throw new InvalidOperationException("no map matched: " + message);
    }
}
