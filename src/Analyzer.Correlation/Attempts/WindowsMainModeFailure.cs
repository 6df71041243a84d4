using System.Collections.Frozen;
using Analyzer.EventLogs;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Where a Windows Main Mode failure (audit events 4652/4653) stopped, from its IKE error code
/// (ERROR_IPSEC_IKE_*) and its cookies: one event id covers a peer that never answered, a proposal
/// refused and an authentication refused, and only the code tells them apart.
/// </summary>
internal static class WindowsMainModeFailure
{
    // Negotiation timed out, no response from peer, negotiation took too long: Windows waited for
    // the peer. Which side of the path failed is not in the event.
    private static readonly FrozenSet<long> Unanswered = FrozenSet.ToFrozenSet<long>([13805, 13813, 13814]);

    // Security attributes unacceptable (no proposal chosen), errors in the SA, proposal and transform
    // payloads, no policy or no matching Main Mode policy, invalid hash, encryption or
    // authentication algorithm: the offer itself was refused.
    private static readonly FrozenSet<long> Proposal = FrozenSet.ToFrozenSet<long>([13802, 13825, 13830, 13831, 13832, 13850, 13871, 13873, 13874]);

    public const string Kind = "ipsec-mm-failed";

    /// <summary>The stage the failure belongs to: reachability when the peer never answered the first message.</summary>
    public static AttemptStage Stage(NormalizedEvent failure)
    {
        if (failure.Code is long code && Unanswered.Contains(code))
        {
            // A responder cookie of zero means no answer to message 1 ever came; a set one means the
            // peer answered and then went silent, inside authentication.
            return failure.ResponderCookie is null or 0 ? AttemptStage.IkeReachability : AttemptStage.Phase1Auth;
        }

        return failure.Code is long refused && Proposal.Contains(refused) ? AttemptStage.Phase1Proposal : AttemptStage.Phase1Auth;
    }

    /// <summary>Windows gave up waiting for the peer: the event cannot say whether the path or the peer failed.</summary>
    public static bool GaveUpWaiting(NormalizedEvent failure) =>
        failure.Kind == Kind && failure.Code is long code && Unanswered.Contains(code);
}
