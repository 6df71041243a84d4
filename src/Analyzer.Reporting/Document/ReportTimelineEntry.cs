using System.Text.Json.Serialization;

namespace Analyzer.Reporting.Document;

/// <summary>
/// One moment of the merged timeline: a capture message (IKE, L2TP, PPTP, ESP start/end) or a log
/// record. <see cref="Time"/> is as recorded; <see cref="CorrectedTime"/> moves a log record onto
/// the capture's clock where an offset is known.
/// </summary>
public sealed record ReportTimelineEntry
{
    public required string Time { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CorrectedTime { get; init; }

    public required string Input { get; init; }

    /// <summary>"ike", "esp", "l2tp", "pptp", "ppp" or "event".</summary>
    public required string Source { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Frame { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Record { get; init; }

    public required string Text { get; init; }

    /// <summary>Marks failures (error notify, StopCCN with error, failure event) for the eye.</summary>
    public bool Failure { get; init; }
}
