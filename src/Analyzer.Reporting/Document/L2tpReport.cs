namespace Analyzer.Reporting.Document;

public sealed record L2tpReport
{
    public IReadOnlyList<ReportL2tpTunnel> Tunnels { get; init; } = [];
}
