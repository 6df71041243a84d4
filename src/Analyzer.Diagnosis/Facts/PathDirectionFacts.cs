using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>One direction of one protocol between two vantage points (subject <c>path-direction</c>).</summary>
public sealed class PathDirectionFacts : FactOrigin
{
    /// <summary>"client" or "server".</summary>
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    /// <summary>"udp500", "udp4500", "esp", "udp1701", "ip-fragments".</summary>
    public string Protocol { get; init; } = "";
    public long Sent { get; init; }
    public long Received { get; init; }
    public long Lost { get; init; }
    public int Modified { get; init; }
    /// <summary>"frame N in capture" texts of the first modifications.</summary>
    public IReadOnlyList<string> Modifications { get; init; } = [];
    public string Captures { get; init; } = "";
    public double ClockOffsetSeconds { get; init; }
    public IReadOnlyList<FrameRef> LostFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> ModifiedFrames { get; init; } = [];
    /// <summary>Wireshark display filter for the protocol.</summary>
    public string DisplayFilter { get; init; } = "";
}
