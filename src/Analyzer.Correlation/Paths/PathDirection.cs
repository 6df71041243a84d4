using Analyzer.Core;

namespace Analyzer.Correlation.Paths;

/// <summary>
/// One direction of one protocol between two vantage points: packets sent at the near point, seen at
/// the far one, lost in between (with the near-side frames), and those that arrived changed.
/// </summary>
/// <param name="From">"client" or "server".</param>
/// <param name="Protocol">"udp500", "udp4500", "esp", "udp1701", "ip-fragments".</param>
public sealed record PathDirection(
    string From,
    string To,
    string Protocol,
    long Sent,
    long Received,
    long Lost,
    IReadOnlyList<FrameRef> LostFrames,
    IReadOnlyList<ModifiedPacket> Modified);

/// <summary>A packet seen at both points whose bytes differ beyond the NAT rewrite.</summary>
public sealed record ModifiedPacket(FrameRef Sent, FrameRef Received, int FirstDifferingOffset, int DifferingBytes, string Description);
