using Analyzer.Core;

namespace Analyzer.Sessions.Pptp;

/// <summary>Something odd about a PPTP control connection, kept as evidence with its frame (as <c>L2tpAnomaly</c>).</summary>
public enum PptpAnomalyKind : byte
{
    /// <summary>TCP 1723 bytes lost, out of order past the buffer, or overflowing it: reading restarts at this segment.</summary>
    ControlStreamGap,

    /// <summary>A control message that could not be read (bad length or magic cookie, RFC 2637 §2); what was buffered is dropped.</summary>
    MalformedControlMessage,
}

/// <summary>One anomaly: its kind, the frame, and the detail (a parse error).</summary>
public sealed record PptpAnomaly(PptpAnomalyKind Kind, FrameRef Frame, string Detail);
