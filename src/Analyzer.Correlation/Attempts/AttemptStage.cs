namespace Analyzer.Correlation.Attempts;

/// <summary>
/// The stages a connection attempt goes through, in order (issue 18): each needs the one before it.
/// Names for reports and rules come from <see cref="AttemptNames"/>.
/// </summary>
public enum AttemptStage : byte
{
    /// <summary>The first IKE message was answered.</summary>
    IkeReachability,
    /// <summary>Main Mode 1–2, Aggressive Mode 1–2 or IKE_SA_INIT: transforms agreed.</summary>
    Phase1Proposal,
    /// <summary>Main Mode 3–6, Aggressive Mode 3 or IKE_AUTH: the peers authenticated each other.</summary>
    Phase1Auth,
    /// <summary>Quick Mode or the CHILD SA: IPsec SAs negotiated.</summary>
    Phase2,
    /// <summary>ESP both ways on the negotiated SAs.</summary>
    Esp,
    L2tpTunnel,
    L2tpSession,
    PppLcp,
    PppAuth,
    PppIpcp,
    /// <summary>User data through the finished connection.</summary>
    Traffic,
}
