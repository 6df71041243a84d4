namespace Analyzer.Reporting.Document;

public sealed record EspReport
{
    public IReadOnlyList<ReportEspFlow> Flows { get; init; } = [];
}
