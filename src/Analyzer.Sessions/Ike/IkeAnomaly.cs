using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>Something odd about a message, kept as evidence (Suricata's IkeEvent idea): not an error, not dropped.</summary>
public enum IkeAnomalyKind : byte
{
    PayloadExtraData,
    MalformedPayload,
    TruncatedMessage,
    UnknownPayload,
    MultipleResponderProposals,
    NoEncryptionKey,
    DecryptionFailed,
    UnexpectedExchange,

    /// <summary>
    /// A header field no sender writes: a Main or Aggressive Mode message whose message ID is not
    /// zero (RFC 2408 §3.1, RFC 2409 §5). Libreswan logs "Message ID was … but should be zero in
    /// phase 1", answers INVALID-MESSAGE-ID and drops the message; a bit flipped on the way does this.
    /// </summary>
    MalformedHeader,
}

public sealed record IkeAnomaly(IkeAnomalyKind Kind, FrameRef Frame, string Detail)
{
    /// <summary>
    /// Whether the message as captured is damaged (malformed, cut, bytes past its end, a header field
    /// out of the protocol): what a faulty link or middlebox leaves. Decryption without a key, an
    /// unknown payload or a second proposal are not damage.
    /// </summary>
    public bool ShowsDamage => Kind is IkeAnomalyKind.MalformedPayload or IkeAnomalyKind.TruncatedMessage
        or IkeAnomalyKind.PayloadExtraData or IkeAnomalyKind.MalformedHeader;
}
