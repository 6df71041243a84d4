using Analyzer.Core;

namespace Analyzer.EventLogs;

/// <summary>
/// One record from any log source (EVTX, EVT, XML/CSV export, daemon log line), in one model.
/// Mirrors what <c>vpndiag events</c> prints. Strings are raw input text: escape when rendering.
/// </summary>
public sealed class EventRecord
{
    /// <summary>Index of the input (<see cref="AnalysisInput.Index"/>).</summary>
    public required int InputIndex { get; init; }

    /// <summary>Record number in its log (EVTX/EVT record id, XML/CSV row order, daemon log line number).</summary>
    public required long RecordId { get; init; }

    /// <summary>Windows event id; 0 for daemon log lines.</summary>
    public int EventId { get; init; }

    /// <summary>Provider name ("Microsoft-Windows-Security-Auditing", "RasClient") or daemon ("charon", "xl2tpd").</summary>
    public string? Provider { get; init; }

    public string? Channel { get; init; }

    /// <summary>Computer or host name.</summary>
    public string? Computer { get; init; }

    /// <summary>Level as the source names it ("Information", "Error", 4 ...).</summary>
    public string? Level { get; init; }

    /// <summary>The event's TimeCreated (or the log line's time), exact to the source's precision; null if the source had none.</summary>
    public Timestamp? Time { get; set; }

    /// <summary>EVTX record header time, where the format has one.</summary>
    public Timestamp? Written { get; init; }

    /// <summary>EventData/UserData values by name, in order. Events without names use "0", "1"... and <see cref="DataIsPositional"/>.</summary>
    public List<KeyValuePair<string, string>> Data { get; init; } = [];

    public bool DataIsPositional { get; init; }

    /// <summary>Rendered message or the daemon's log text, where the source carries one.</summary>
    public string? Message { get; set; }

    /// <summary>Normalised meaning, or null when the record is kept but not interpreted.</summary>
    public NormalizedEvent? Normalized { get; set; }

    /// <summary>Byte offset of the record in its file, where known (for diagnostics).</summary>
    public long? FileOffset { get; init; }

    /// <summary>1-based line in a text source (XML/CSV export, daemon log), where known: evidence cites it.</summary>
    public int? SourceLine { get; set; }

    public string? GetData(string name)
    {
        foreach (KeyValuePair<string, string> pair in Data)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }
}
