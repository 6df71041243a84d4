namespace Analyzer.Reporting.Document;

/// <summary>One L2TP control message; <see cref="From"/> is the sender's endpoint.</summary>
public sealed record ReportL2tpControlMessage
{
    public required long Frame { get; init; }

    public required string Time { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required bool FromClient { get; init; }

    public required string Type { get; init; }

    public int MessageType { get; init; }

    public int TunnelId { get; init; }

    public int SessionId { get; init; }

    public int Ns { get; init; }

    public int Nr { get; init; }

    public bool Zlb { get; init; }

    public bool Retransmission { get; init; }

    public IReadOnlyList<ReportAvp> Avps { get; init; } = [];
}

public sealed record ReportAvp(int Vendor, int Type, string Name, string Value, bool Mandatory, bool Hidden);
