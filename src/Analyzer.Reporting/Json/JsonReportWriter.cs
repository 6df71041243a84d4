using System.Text.Json;

namespace Analyzer.Reporting.Json;

/// <summary>The report as JSON (the contract in docs/report.schema.json).</summary>
public static class JsonReportWriter
{
    public static void Write(ReportDocument document, Stream output) =>
        JsonSerializer.Serialize(output, document, ReportJsonContext.Default.ReportDocument);

    public static string ToJson(ReportDocument document) =>
        JsonSerializer.Serialize(document, ReportJsonContext.Default.ReportDocument);

    public static ReportDocument? FromJson(string json) =>
        JsonSerializer.Deserialize(json, ReportJsonContext.Default.ReportDocument);
}
