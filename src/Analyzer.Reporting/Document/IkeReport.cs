namespace Analyzer.Reporting.Document;

public sealed record IkeReport
{
    public IReadOnlyList<ReportIkeSa> Sas { get; init; } = [];
}
