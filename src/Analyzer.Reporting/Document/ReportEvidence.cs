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

    /// <summary>"observed" (seen in a capture or log), "derived" (computed from what was seen) or "inferred" (from timing or sizes).</summary>
    public string Kind { get; init; } = "observed";
}
