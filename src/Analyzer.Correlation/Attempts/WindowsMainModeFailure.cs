using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Where a Windows Main Mode failure (audit events 4652/4653) stopped, from its IKE error code
/// (ERROR_IPSEC_IKE_*) and its cookies: one event id covers a peer that never answered, a proposal
/// refused and an authentication refused, and only the code tells them apart. What each code says
/// is the Windows error table's stage column (<see cref="WindowsErrors.IkeStage"/>), not this file's.
/// </summary>
internal static class WindowsMainModeFailure
{
    public const string Kind = "ipsec-mm-failed";

    /// <summary>The stage the failure belongs to: reachability when the peer never answered the first message.</summary>
    public static AttemptStage Stage(NormalizedEvent failure) => Stage(failure.Code is long code ? WindowsErrors.IkeStage(code) : IkeErrorStage.Unplaced, failure.ResponderCookie);

    /// <summary>
    /// Windows waited for the peer: a responder cookie of zero means no answer to message 1 ever came;
    /// a set one means the peer answered and then went silent, inside authentication. A code the
    /// table does not place failed after the offer was accepted, in the authentication part.
    /// </summary>
    private static AttemptStage Stage(IkeErrorStage stage, ulong? responderCookie) => stage switch
    {
        IkeErrorStage.Unanswered => responderCookie is null or 0 ? AttemptStage.IkeReachability : AttemptStage.Phase1Auth,
        IkeErrorStage.Proposal => AttemptStage.Phase1Proposal,
        _ => AttemptStage.Phase1Auth,
    };

    /// <summary>Windows gave up waiting for the peer: the event cannot say whether the path or the peer failed.</summary>
    public static bool GaveUpWaiting(NormalizedEvent failure) =>
        failure.Kind == Kind && failure.Code is long code && WindowsErrors.IkeStage(code) == IkeErrorStage.Unanswered;
}
