using Analyzer.Testing;
using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Reporting.Document;

namespace Analyzer.Cli.Tests;

/// <summary>
/// A Windows Security log alone (audit event 4653) places its attempt's failure by the IKE error
/// code: a negotiation that timed out with no responder cookie never got an answer to message 1
/// (reachability, side unknown: the path or the peer), while a rejected credential is authentication.
/// </summary>
public sealed class WindowsMainModeFailureAttemptTests
{
    private static ReportAttempt OnlyAttempt(string file)
    {
        string path = Path.Combine(RepoPaths.Samples, "events", file);
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([path]);
        return Assert.Single(result.Document.Attempts);
    }

    [Fact]
    public void A_main_mode_that_timed_out_unanswered_fails_reachability_with_the_side_left_open()
    {
        ReportAttempt attempt = OnlyAttempt("udp500-blocked/client-security.xml");
        Assert.Equal("ike-reachability", attempt.FailedStage);
        Assert.Equal("unknown", attempt.Side);
    }

    [Fact]
    public void A_main_mode_refused_for_its_credentials_fails_authentication()
    {
        ReportAttempt attempt = OnlyAttempt("psk-mismatch/client-security.xml");
        Assert.Equal("phase1-auth", attempt.FailedStage);
    }
}
