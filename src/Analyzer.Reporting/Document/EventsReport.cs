namespace Analyzer.Reporting.Document;

public sealed record EventsReport
{
    /// <summary>Every record, in the shape <c>vpndiag events</c> prints.</summary>
    public IReadOnlyList<ReportEventRecord> Records { get; init; } = [];

    /// <summary>Each log's clock against a capture, from correlated pairs.</summary>
    public IReadOnlyList<ReportClockOffset> ClockOffsets { get; init; } = [];
}

public sealed record ReportClockOffset(string Log, string Capture, double OffsetSeconds, int Pairs);
