namespace Analyzer.Reporting;

public enum ReportFormat : byte
{
    Markdown,
    Html,
    Json,
    /// <summary>A directory of tables (exchanges, flows, tunnels, events, findings, paths, timeline).</summary>
    Csv,
}
