namespace Analyzer.Reporting.Document;

public sealed record EventsReport
{
    /// <summary>The records, in the shape <c>vpndiag events</c> prints: all of them, or past <see cref="ReportOptions.MaxEventRecordsListed"/> the ones that matter most.</summary>
    public IReadOnlyList<ReportEventRecord> Records { get; init; } = [];

    /// <summary>Records read but not listed in <see cref="Records"/> (0 unless the logs had more than the report lists).</summary>
    public long RecordsNotListed { get; init; }

    /// <summary>Each log's clock against a capture, from correlated pairs.</summary>
    public IReadOnlyList<ReportClockOffset> ClockOffsets { get; init; } = [];
}

public sealed record ReportClockOffset(string Log, string Capture, double OffsetSeconds, int Pairs);
