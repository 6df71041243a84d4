using System.Collections.Frozen;
using Analyzer.EventLogs;

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

    // The event maps' stage names (docs/events.md, ConnectionStages) as attempt stages.
    private static readonly FrozenDictionary<string, AttemptStage> MapStages = new Dictionary<string, AttemptStage>(StringComparer.Ordinal)
    {
        ["ike-reachability"] = AttemptStage.IkeReachability,
        ["phase1-proposal"] = AttemptStage.Phase1Proposal,
        ["phase1-auth"] = AttemptStage.Phase1Auth,
        ["phase2"] = AttemptStage.Phase2,
        ["esp"] = AttemptStage.Esp,
        ["l2tp-tunnel"] = AttemptStage.L2tpTunnel,
        ["l2tp-session"] = AttemptStage.L2tpSession,
        ["ppp-lcp"] = AttemptStage.PppLcp,
        ["ppp-auth"] = AttemptStage.PppAuth,
        ["ppp-ipcp"] = AttemptStage.PppIpcp,
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

    /// <summary>
    /// A record's verdict on a stage: the table above (Windows kinds), else what the daemon's map entry
    /// says (its stage, succeeded or failed; a pluto line without one names the stage by its state).
    /// </summary>
    public static bool TryGet(NormalizedEvent normalized, EventRecord record, out AttemptStage stage, out StageOutcome outcome)
    {
        StageOutcome mapOutcome = normalized.Outcome switch
        {
            "succeeded" => StageOutcome.Passed,
            "failed" => StageOutcome.Failed,
            _ => StageOutcome.Unknown,
        };
        if (mapOutcome != StageOutcome.Unknown && normalized.Stage is string named && MapStages.TryGetValue(named, out stage))
        {
            outcome = mapOutcome;
            return true;
        }

        if (WindowsRasFailure.TryStage(normalized, out stage))
        {
            outcome = StageOutcome.Failed;
            return true;
        }

        if (normalized.Kind == WindowsMainModeFailure.Kind)
        {
            (stage, outcome) = (WindowsMainModeFailure.Stage(normalized), StageOutcome.Failed);
            return true;
        }

        if (TryGet(normalized.Kind, out stage, out outcome))
        {
            return true;
        }

        outcome = mapOutcome;
        return mapOutcome != StageOutcome.Unknown
            && PlutoStateStage(normalized.Fields.GetValueOrDefault("state") ?? record.GetData("state")) is string fromState
            && MapStages.TryGetValue(fromState, out stage);
    }

    /// <summary>
    /// pluto names the state a retransmission or a failure happened in: the first message unanswered
    /// (MAIN_I1, AGGR_I1, PARENT_I1 / IKE_SA_INIT_I), authentication (the rest of Main/Aggressive Mode,
    /// IKE_AUTH), or Quick Mode / a Child SA.
    /// </summary>
    private static string? PlutoStateStage(string? state)
    {
        if (state is null)
        {
            return null;
        }

        string name = state.StartsWith("STATE_", StringComparison.Ordinal) ? state[6..] : state;
        if (name.StartsWith("QUICK_", StringComparison.Ordinal) || name.Contains("CHILD", StringComparison.Ordinal))
        {
            return "phase2";
        }

        if (name is "MAIN_I1" or "AGGR_I1" or "PARENT_I1" or "V2_PARENT_I1" or "IKE_SA_INIT_I" or "V2_IKE_SA_INIT_I")
        {
            return "ike-reachability";
        }

        return name.StartsWith("MAIN_", StringComparison.Ordinal) || name.StartsWith("AGGR_", StringComparison.Ordinal)
            || name.Contains("PARENT", StringComparison.Ordinal) || name.Contains("IKE_AUTH", StringComparison.Ordinal) ? "phase1-auth" : null;
    }
}
