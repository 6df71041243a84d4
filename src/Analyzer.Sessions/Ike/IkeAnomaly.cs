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
}

public sealed record IkeAnomaly(IkeAnomalyKind Kind, FrameRef Frame, string Detail);
