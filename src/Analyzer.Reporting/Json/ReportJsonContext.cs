using System.Text.Json.Serialization;

namespace Analyzer.Reporting.Json;

/// <summary>
/// Source-generated serialization of the report contract: camelCase names, indented, and the
/// default encoder, which escapes &lt;, &gt; and &amp; so the JSON is safe to embed anywhere.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(ReportDocument))]
[JsonSerializable(typeof(Analyzer.Reporting.Batch.BatchSummaryDocument))]
public sealed partial class ReportJsonContext : JsonSerializerContext;
