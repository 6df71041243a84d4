using Analyzer.Core;

namespace Analyzer.Sessions.Ppp;

/// <summary>Something odd about a PPP packet, kept as evidence with its frame (as <c>IkeAnomaly</c>): not an error, not dropped.</summary>
public enum PppAnomalyKind : byte
{
    /// <summary>The PPP frame's address, control or protocol field could not be read.</summary>
    MalformedFrame,

    /// <summary>A control packet (LCP, NCP, PAP, CHAP, EAP) whose code, identifier or length could not be read.</summary>
    MalformedControlPacket,

    /// <summary>A PAP or CHAP packet whose inner length field (Peer-ID, Value-Size, Msg-Length) points past the packet.</summary>
    BadAuthenticationField,
}

/// <summary>One anomaly: its kind, the frame, and the detail the reader gave (a parse error, a field name).</summary>
public sealed record PppAnomaly(PppAnomalyKind Kind, FrameRef Frame, string Detail);
