namespace Analyzer.Reporting.Document;

/// <summary>One exchange of an SA and where it ended ("completed", "no-response", "rejected-by-notify"...).</summary>
public sealed record ReportIkeExchange
{
    public required string Kind { get; init; }

    public required long MessageId { get; init; }

    public required string State { get; init; }

    public int Messages { get; init; }

    public int HighestMessage { get; init; }

    public int? StalledAfterMessage { get; init; }

    public string? RejectingNotify { get; init; }

    public string? EncapsulationMode { get; init; }

    public IReadOnlyList<ReportProposal> Offered { get; init; } = [];

    public ReportProposal? Chosen { get; init; }

    public IReadOnlyList<string> TrafficSelectors { get; init; } = [];
}
