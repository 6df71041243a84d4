using System.Text.Json.Serialization;

namespace Analyzer.Reporting.Document;

/// <summary>One input file: captures carry <see cref="Packets"/>, logs carry <see cref="Records"/>.</summary>
public sealed record ReportInput
{
    public required string Path { get; init; }

    /// <summary>"pcap", "pcapng", "evtx", "evt", "event-xml", "event-csv", "performance-csv", "daemon-log", "ike-keys", "unknown".</summary>
    public required string Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Packets { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Records { get; init; }

    public IReadOnlyList<ReportWarning> Warnings { get; init; } = [];
}

/// <summary>A problem reading an input (skipped record, limit reached), where it was.</summary>
public sealed record ReportWarning(string Severity, long? Offset, long? Frame, string Message);
