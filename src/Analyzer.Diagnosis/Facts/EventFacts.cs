using Analyzer.EventLogs;

namespace Analyzer.Diagnosis.Facts;

/// <summary>One log record (subject <c>event</c>): Windows events and daemon log lines alike.</summary>
public sealed class EventFacts : FactOrigin
{
    public required EventRecord Record { get; init; }
    public long RecordId { get; init; }
    /// <summary>Windows event id; 0 for daemon log lines.</summary>
    public int EventId { get; init; }
    public string Provider { get; init; } = "";
    public string Channel { get; init; } = "";
    public string Computer { get; init; } = "";
    public string Level { get; init; } = "";
    /// <summary>ISO 8601 UTC, "" when the record has no time.</summary>
    public string Time { get; init; } = "";
    /// <summary>Normalised kind ("" when the record was kept but not interpreted).</summary>
    public string Kind { get; init; } = "";
    public bool IsFailure { get; init; }
    /// <summary>Decoded error or reason code (0 if none).</summary>
    public long Code { get; init; }
    public string CodeMeaning { get; init; } = "";
    public string FailurePoint { get; init; } = "";
    public string FailureReason { get; init; } = "";
    public string ConnectionName { get; init; } = "";
    public string UserName { get; init; } = "";
    public string LocalAddress { get; init; } = "";
    public string RemoteAddress { get; init; } = "";
    public string Message { get; init; } = "";
    /// <summary>From a strongSwan, Libreswan, xl2tpd or pppd text log.</summary>
    public bool IsDaemonLog { get; init; }
    /// <summary>Tied to capture evidence by the correlator.</summary>
    public bool Correlated { get; init; }
    /// <summary>How it was tied: "cookies", "endpoints-and-time", "spi" ("" if not).</summary>
    public string CorrelatedBy { get; init; } = "";

    /// <summary>An EventData value by name ("" when absent).</summary>
    public string Data(string name) => Record.GetData(name) ?? "";

    /// <summary>A normalised field by name ("" when absent).</summary>
    public string Field(string name) =>
        Record.Normalized?.Fields.TryGetValue(name, out string? value) == true ? value : "";
}
