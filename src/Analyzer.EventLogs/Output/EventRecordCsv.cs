using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Analyzer.EventLogs.Output;

/// <summary>Records as CSV (one row each; data as a JSON cell), written by CsvHelper with formula-injection escaping.</summary>
public static class EventRecordCsv
{
    private static readonly string[] Header = ["input", "recordId", "eventId", "provider", "channel", "computer", "level", "time", "written", "kind", "data", "stage", "outcome", "matchedBy", "message"];

    public static void Write(TextWriter output, IEnumerable<(EventRecord Record, string Input)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape };
        using CsvWriter csv = CsvWriter.Create(output, options, leaveOpen: true);
        csv.WriteHeader(Header);
        var buffer = new MemoryStream();
        foreach ((EventRecord record, string input) in records)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                EventRecordJson.WriteData(json, record);
            }

            csv.WriteField(input);
            csv.WriteField(record.RecordId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.WriteField(record.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            csv.WriteField(record.Provider);
            csv.WriteField(record.Channel);
            csv.WriteField(record.Computer);
            csv.WriteField(record.Level);
            csv.WriteField(record.Time?.ToIso8601());
            csv.WriteField(record.Written?.ToIso8601());
            csv.WriteField(record.Normalized?.Kind);
            csv.WriteField(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            csv.WriteField(record.Normalized?.Stage);
            csv.WriteField(record.Normalized?.Outcome);
            csv.WriteField(record.Normalized?.MatchedBy);
            csv.WriteField(record.EventId == 0 ? record.Message : null);
            csv.EndRecord();
        }

        csv.Flush();
    }
}
