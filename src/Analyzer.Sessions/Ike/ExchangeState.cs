namespace Analyzer.Sessions.Ike;

/// <summary>Where an exchange ended up.</summary>
public enum ExchangeState : byte
{
    /// <summary>Still going at the end of the capture, with no sign of failure yet.</summary>
    InProgress,
    Completed,
    /// <summary>The last message (see <see cref="IkeExchange.StalledAfterMessage"/>) was sent, perhaps repeated, and never answered.</summary>
    NoResponse,
    /// <summary>The peer answered with an error notify (see <see cref="IkeExchange.RejectingNotify"/>).</summary>
    RejectedByNotify,
    /// <summary>The peer answered message N with an encrypted Informational (typically a failed authentication).</summary>
    AnsweredByEncryptedInformational,
    /// <summary>The initiator stopped without an answer or error: a new SA started, or a Delete.</summary>
    Abandoned,
}
