using System.Text.Json;

namespace Analyzer.EventLogs.Output;

/// <summary>
/// One record as <c>vpndiag events</c> and the report's <c>events.records</c> print it:
/// input, recordId, eventId, provider, channel, computer, level, time, written, data (an object,
/// or an array where the event's values have no names), kind; for daemon lines also message, stage,
/// outcome and matchedBy. Escaping is System.Text.Json's.
/// </summary>
public static class EventRecordJson
{
    public static void Write(Utf8JsonWriter writer, EventRecord record, string input)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        writer.WriteStartObject();
        writer.WriteString("input", input);
        writer.WriteNumber("recordId", record.RecordId);
        writer.WriteNumber("eventId", record.EventId);
        writer.WriteString("provider", record.Provider);
        writer.WriteString("channel", record.Channel);
        writer.WriteString("computer", record.Computer);
        writer.WriteString("level", record.Level);
        writer.WriteString("time", record.Time?.ToIso8601());
        writer.WriteString("written", record.Written?.ToIso8601());
        writer.WritePropertyName("data");
        WriteData(writer, record);
        writer.WriteString("kind", record.Normalized?.Kind);
        WriteRecognition(writer, record);
        if (record.SourceLine is int line)
        {
            writer.WriteNumber("line", line);
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Daemon lines: the message, the stage and outcome the line tells, and the map pattern that
    /// recognised it (so a user can see why a line got its kind, or that none did).
    /// </summary>
    private static void WriteRecognition(Utf8JsonWriter writer, EventRecord record)
    {
        if (record.EventId != 0)
        {
            return;
        }

        writer.WriteString("message", record.Message);
        if (record.Normalized is { } normalized)
        {
            writer.WriteString("stage", normalized.Stage);
            writer.WriteString("outcome", normalized.Outcome);
            writer.WriteString("matchedBy", normalized.MatchedBy);
        }
    }

    /// <summary>Names → values; positional values (classic events) as an array, with a named extra such as Binary kept in an object after it.</summary>
    public static void WriteData(Utf8JsonWriter writer, EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(record);
        if (record.DataIsPositional && AllPositional(record))
        {
            writer.WriteStartArray();
            foreach (KeyValuePair<string, string> pair in record.Data)
            {
                writer.WriteStringValue(pair.Value);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        foreach (KeyValuePair<string, string> pair in record.Data)
        {
            writer.WriteString(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static bool AllPositional(EventRecord record)
    {
        foreach (KeyValuePair<string, string> pair in record.Data)
        {
            if (pair.Key.Length == 0 || !char.IsAsciiDigit(pair.Key[0]))
            {
                return false;
            }
        }

        return true;
    }
}
