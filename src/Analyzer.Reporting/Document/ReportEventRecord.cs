using System.Text.Json.Serialization;
using Analyzer.EventLogs;

namespace Analyzer.Reporting.Document;

/// <summary>One log record as <c>vpndiag events</c> prints it, plus its message and what ties it to the capture.</summary>
public sealed record ReportEventRecord
{
    public required string Input { get; init; }

    public required long RecordId { get; init; }

    public int EventId { get; init; }

    public string? Provider { get; init; }

    public string? Channel { get; init; }

    public string? Computer { get; init; }

    public string? Level { get; init; }

    public string? Time { get; init; }

    public string? Written { get; init; }

    /// <summary>Name → value, or an array of values where the event has no names.</summary>
    public required ReportEventData Data { get; init; }

    /// <summary>The normalised kind, or null when the record is kept but not interpreted.</summary>
    public string? Kind { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Failure { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportEventCorrelation? Correlation { get; init; }

    /// <summary>The line of a text log (daemon logs) the record came from.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Line { get; init; }

    /// <summary>The record in the <c>vpndiag events</c> shape; the events verb may call this too so both agree.</summary>
    public static ReportEventRecord From(EventRecord record, string input, ReportEventCorrelation? correlation = null) => new()
    {
        Input = input,
        RecordId = record.RecordId,
        EventId = record.EventId,
        Provider = record.Provider,
        Channel = record.Channel,
        Computer = record.Computer,
        Level = record.Level,
        Time = record.Time?.ToIso8601(),
        Written = record.Written?.ToIso8601(),
        Data = new ReportEventData([.. record.Data], record.DataIsPositional),
        Kind = record.Normalized?.Kind,
        Failure = record.Normalized?.IsFailure,
        Message = record.Message,
        Correlation = correlation,
        Line = record.SourceLine,
    };
}

/// <summary>The capture frame (and IKE SA) a record was tied to, how, and the raw time difference.</summary>
public sealed record ReportEventCorrelation(string? Capture, long? Frame, string? InitiatorCookie, string How, double? OffsetSeconds);
