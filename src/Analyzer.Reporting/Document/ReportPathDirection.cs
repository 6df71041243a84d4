namespace Analyzer.Reporting.Document;

/// <summary>One protocol in one direction: "from"/"to" are "client"/"server"; protocol "udp500", "udp4500", "esp", "udp1701", "ip-fragments".</summary>
public sealed record ReportPathDirection
{
    public required string From { get; init; }

    public required string To { get; init; }

    public required string Protocol { get; init; }

    public long Sent { get; init; }

    public long Received { get; init; }

    public long Lost { get; init; }

    public IReadOnlyList<ReportFrame> LostFrames { get; init; } = [];

    public IReadOnlyList<ReportModifiedPacket> Modified { get; init; } = [];
}
