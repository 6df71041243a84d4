using System.Text.Json.Serialization;

namespace Analyzer.Reporting.Document;

/// <summary>One frame or record a finding cites, with a Wireshark display filter that shows it.</summary>
public sealed record ReportEvidence
{
    /// <summary>The input's path as the report names it.</summary>
    public required string Input { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Frame { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Record { get; init; }

    public string? Time { get; init; }

    public required string Text { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? DisplayFilter { get; init; }

    /// <summary>"inferred" when the evidence is the shape of encrypted traffic, not its content; absent when observed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }
}
