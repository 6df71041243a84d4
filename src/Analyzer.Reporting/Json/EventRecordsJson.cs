using System.Text.Encodings.Web;
using System.Text.Json;
using Analyzer.EventLogs;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Json;

/// <summary>
/// <c>{"records": [...]}</c> in exactly the shape the report's <c>events.records</c> uses, written
/// one record at a time so a log of millions of records never sits in memory as one document.
/// The writer of <c>vpndiag events --format json</c>, so that verb and the report can never disagree.
/// </summary>
public static class EventRecordsJson
{
    public static void Write(IEnumerable<EventRecord> records, Func<int, string> inputName, Stream output)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(inputName);
        Write(records.Select(record => (record, inputName(record.InputIndex))), output);
    }

    /// <summary>Records with the input name each is shown under.</summary>
    public static void Write(IEnumerable<(EventRecord Record, string Input)> records, Stream output)
    {
        ArgumentNullException.ThrowIfNull(records);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Default });
        writer.WriteStartObject();
        writer.WritePropertyName("records");
        writer.WriteStartArray();
        foreach ((EventRecord record, string input) in records)
        {
            JsonSerializer.Serialize(writer, ReportEventRecord.From(record, input), ReportJsonContext.Default.ReportEventRecord);

            // The writer holds everything until flushed: a 120 MB EVTX made 400 MB of JSON in memory.
            if (writer.BytesPending > 1 << 16)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
