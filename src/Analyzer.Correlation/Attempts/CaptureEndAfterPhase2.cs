using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Whether a capture view ran long enough after Phase 2 to judge ESP. A capture that stops within
/// <see cref="GraceSeconds"/> of the first completed Quick Mode / CHILD SA (IKEv2: IKE_AUTH, which
/// carries the first one) gave ESP no time to appear: its missing ESP, one way or both, says nothing
/// about the path. The capture's window is its first and last frame (the capture stage's statistics).
/// </summary>
internal static class CaptureEndAfterPhase2
{
    /// <summary>
    /// ESP (and the L2TP SCCRQ inside it) follows the last Quick Mode message within a fraction of a
    /// second on Windows, strongSwan and Libreswan alike; a few seconds leaves room for a slow peer
    /// without mistaking a capture cut at Quick Mode for a path that drops ESP.
    /// </summary>
    public const double GraceSeconds = 3;

    /// <summary>Seconds the view's capture ran after its first completed Phase 2; null when the view completed none or its window is unknown.</summary>
    public static double? SecondsAfter(AttemptView view, IReadOnlyDictionary<int, (Timestamp? First, Timestamp? Last)> windows)
    {
        if (view.Sa is not IkeSa sa || !windows.TryGetValue(view.InputIndex, out var window) || window.Last is not Timestamp last)
        {
            return null;
        }

        IkeExchange? done = sa.Exchanges.FirstOrDefault(e => e.State == ExchangeState.Completed && e.Messages.Count > 0
            && (e.Kind is IkeExchangeKind.QuickMode or IkeExchangeKind.CreateChildSa || e.Kind == IkeExchangeKind.IkeAuth && sa.Version == 2));
        return done is null ? null : last.SecondsSince(done.Messages[^1].Frame.Time);
    }

    /// <summary>The view's capture ended too soon after Phase 2 to show ESP.</summary>
    public static bool EndedTooSoon(AttemptView view, IReadOnlyDictionary<int, (Timestamp? First, Timestamp? Last)> windows) =>
        SecondsAfter(view, windows) is double seconds && seconds < GraceSeconds;
}
