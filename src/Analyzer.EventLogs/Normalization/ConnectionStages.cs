using System.Collections.Frozen;

namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// The stages of an L2TP/IPsec (or IKEv2) connection a daemon line can speak of, in the order a
/// connection passes them, and what a line can say happened there (docs/events.md).
/// </summary>
public static class ConnectionStages
{
    /// <summary>In connection order.</summary>
    public static IReadOnlyList<string> Ordered { get; } =
    [
        "ike-reachability", "phase1-proposal", "phase1-auth", "phase2", "esp",
        "l2tp-tunnel", "l2tp-session", "ppp-lcp", "ppp-auth", "ppp-ipcp",
    ];

    public static FrozenSet<string> All { get; } = Ordered.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>succeeded, failed, started, retried, info, and noise: a step that is no verdict (one refused transform before another is accepted).</summary>
    public static FrozenSet<string> Outcomes { get; } = new[] { "succeeded", "failed", "started", "retried", "info", "noise" }.ToFrozenSet(StringComparer.Ordinal);
}
