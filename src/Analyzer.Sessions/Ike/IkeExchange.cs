namespace Analyzer.Sessions.Ike;

/// <summary>One exchange inside an SA (keyed by message id and type), with where it ended.</summary>
public sealed class IkeExchange
{
    public required IkeExchangeKind Kind { get; init; }

    public uint MessageId { get; init; }

    /// <summary>Every message of the exchange in frame order, retransmissions included.</summary>
    public List<IkeMessage> Messages { get; } = [];

    public ExchangeState State { get; set; }

    /// <summary>The exchange was started by the IKE SA's initiator (Quick Mode, Informational and IKEv2 requests can come from either side).</summary>
    public bool StartedByInitiator { get; set; } = true;

    /// <summary>Quick Mode with the commit bit: a 4th message (CONNECTED) completes it.</summary>
    public bool Commit { get; set; }

    /// <summary>The last message was sent more than once.</summary>
    public bool LastMessageRepeated { get; set; }

    /// <summary>The highest message number seen (MM1..6, AM1..3, QM1..4).</summary>
    public int HighestMessage { get; set; }

    /// <summary>For NoResponse/AnsweredByEncryptedInformational: the message number left unanswered.</summary>
    public int? StalledAfterMessage { get; set; }

    /// <summary>For RejectedByNotify: the notify that rejected it.</summary>
    public IkeNotifyObservation? RejectingNotify { get; set; }

    /// <summary>Quick Mode, IKE_AUTH (its first CHILD_SA, RFC 7296 §1.2) or CREATE_CHILD_SA, readable once decrypted: what was proposed and chosen, or what refused it.</summary>
    public ChildSaNegotiation? ChildSa { get; set; }
}
