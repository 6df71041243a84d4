using Analyzer.Core;

namespace Analyzer.Sessions.L2tp;

/// <summary>Something odd about an L2TP tunnel or control message, kept as evidence with its frame (as <c>IkeAnomaly</c>).</summary>
public enum L2tpAnomalyKind : byte
{
    /// <summary>SCCRQ repeated and never answered (the frame is the first SCCRQ; the detail counts them).</summary>
    SccrqUnanswered,

    /// <summary>An AVP list that could not be read whole (bad length, first AVP not Message Type, a short Result Code).</summary>
    MalformedMessage,

    /// <summary>A control message without the L and S bits, or with an offset (RFC 2661 §3.1).</summary>
    ControlFlagsInvalid,

    /// <summary>More AVPs in one message than are listed.</summary>
    TooManyAvps,

    /// <summary>ICRQ/OCRQ without an Assigned Session ID AVP.</summary>
    CallRequestWithoutSessionId,

    /// <summary>L2TPv3 (RFC 3931) over UDP: recognised, not decoded.</summary>
    Version3NotDecoded,
}

/// <summary>One anomaly: its kind, the frame, and the detail (a parse error, a count).</summary>
public sealed record L2tpAnomaly(L2tpAnomalyKind Kind, FrameRef Frame, string Detail);
