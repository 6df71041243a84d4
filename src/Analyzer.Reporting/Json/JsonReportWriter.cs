using System.Text.Json;

namespace Analyzer.Reporting.Json;

/// <summary>The report as JSON (the contract in docs/report.schema.json).</summary>
public static class JsonReportWriter
{
    /// <summary>
    /// Builds the serializer's description of the report types now: under AOT that reads attributes
    /// by reflection (3-4 ms), which a caller with a spare core does before the report is due. Safe
    /// from any thread, and only the first call does anything.
    /// </summary>
    public static void Prepare() => _ = ReportJsonContext.Default.ReportDocument;

    public static void Write(ReportDocument document, Stream output) =>
        JsonSerializer.Serialize(output, document, ReportJsonContext.Default.ReportDocument);

    public static string ToJson(ReportDocument document) =>
        JsonSerializer.Serialize(document, ReportJsonContext.Default.ReportDocument);

    public static ReportDocument? FromJson(string json) =>
        JsonSerializer.Deserialize(json, ReportJsonContext.Default.ReportDocument);
}
