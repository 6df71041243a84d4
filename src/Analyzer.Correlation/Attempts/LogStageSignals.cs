using System.Collections.Frozen;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Which normalised log kinds (docs/events.md) say a stage passed or failed: the same stages a
/// capture would show, so a log on its own yields attempts and stages. A kind absent here says
/// nothing about a stage.
/// </summary>
internal static class LogStageSignals
{
    private static readonly FrozenDictionary<string, (AttemptStage Stage, StageOutcome Outcome)> Signals =
        new Dictionary<string, (AttemptStage, StageOutcome)>(StringComparer.Ordinal)
        {
            ["charon-auth-failed"] = (AttemptStage.Phase1Auth, StageOutcome.Failed),
            ["charon-certificate-failed"] = (AttemptStage.Phase1Auth, StageOutcome.Failed),
            ["pluto-auth-failed"] = (AttemptStage.Phase1Auth, StageOutcome.Failed),
            ["ipsec-mm-failed"] = (AttemptStage.Phase1Auth, StageOutcome.Failed),
            ["pluto-no-proposal"] = (AttemptStage.Phase1Proposal, StageOutcome.Failed),
            ["pluto-ike-established"] = (AttemptStage.Phase1Auth, StageOutcome.Passed),
            ["ipsec-mm-established"] = (AttemptStage.Phase1Auth, StageOutcome.Passed),
            ["pluto-ts-unacceptable"] = (AttemptStage.Phase2, StageOutcome.Failed),
            ["ipsec-qm-failed"] = (AttemptStage.Phase2, StageOutcome.Failed),
            ["pluto-ipsec-established"] = (AttemptStage.Phase2, StageOutcome.Passed),
            ["ipsec-qm-established"] = (AttemptStage.Phase2, StageOutcome.Passed),
            ["xl2tpd-tunnel-established"] = (AttemptStage.L2tpTunnel, StageOutcome.Passed),
            ["xl2tpd-max-retries"] = (AttemptStage.L2tpTunnel, StageOutcome.Failed),
            ["xl2tpd-call-established"] = (AttemptStage.L2tpSession, StageOutcome.Passed),
            ["pppd-auth-failed"] = (AttemptStage.PppAuth, StageOutcome.Failed),
            ["pppd-auth-succeeded"] = (AttemptStage.PppAuth, StageOutcome.Passed),
            ["pppd-ip-up"] = (AttemptStage.PppIpcp, StageOutcome.Passed),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool TryGet(string kind, out AttemptStage stage, out StageOutcome outcome)
    {
        if (Signals.TryGetValue(kind, out var signal))
        {
            (stage, outcome) = signal;
            return true;
        }

        (stage, outcome) = (default, default);
        return false;
    }
}
