namespace Analyzer.Sessions.Ike;

/// <summary>The IKE SA as a whole (Phase 1 for IKEv1, IKE_SA_INIT + IKE_AUTH for IKEv2).</summary>
public enum IkeSaState : byte
{
    /// <summary>Phase 1 started; the capture ended before it finished, with no sign of failure.</summary>
    Negotiating,
    /// <summary>The first message was never answered.</summary>
    NoResponse,
    /// <summary>Phase 1 failed after the first exchange of messages (later message unanswered or rejected).</summary>
    Failed,
    /// <summary>Phase 1 completed (IKEv1: MM6 or AM3 seen; IKEv2: IKE_AUTH answered).</summary>
    Established,
    /// <summary>Established, then deleted by an ISAKMP Delete.</summary>
    Deleted,
}
