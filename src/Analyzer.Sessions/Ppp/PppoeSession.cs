using Analyzer.Core;

namespace Analyzer.Sessions.Ppp;

/// <summary>
/// PPP seen without a VPN tunnel around it: a PPPoE session (EtherType 0x8864) or a capture taken
/// on a PPP link. Its PPP negotiation tells the same story as PPP inside L2TP or PPTP.
/// </summary>
public sealed class PppoeSession
{
    /// <summary>The endpoints the decode stage gave the first frame (often empty: PPPoE has no IP addresses).</summary>
    public required NetEndpoint Source { get; init; }

    public required NetEndpoint Destination { get; init; }

    public FrameRef FirstFrame { get; set; }

    public FrameRef LastFrame { get; set; }

    public long Packets { get; set; }

    public PppSession Ppp { get; init; } = new();
}
