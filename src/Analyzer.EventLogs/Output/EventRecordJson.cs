using System.Globalization;
using System.Text.Json;

namespace Analyzer.EventLogs.Output;

/// <summary>
/// The one writer of a record's event data in JSON, for the report's <c>events.records</c> (and
/// with it <c>vpndiag events --format json</c>) and the data cell of the CSV: an object name → value,
/// a repeated name getting "#2", "#3"…; an array where every value is positional (classic events
/// without names). Escaping is System.Text.Json's.
/// </summary>
public static class EventRecordJson
{
    public static void WriteData(Utf8JsonWriter writer, EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        WriteData(writer, record.Data, record.DataIsPositional);
    }

    /// <summary>Positional values as an array; named ones (or positional ones with a named extra such as Binary) as an object.</summary>
    public static void WriteData(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, string>> values, bool positional)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        if (positional && AllPositional(values))
        {
            writer.WriteStartArray();
            foreach (KeyValuePair<string, string> pair in values)
            {
                writer.WriteStringValue(pair.Value);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in values)
        {
            string name = pair.Key;
            if (seen.TryGetValue(name, out int count))
            {
                seen[name] = count + 1;
                name = string.Create(CultureInfo.InvariantCulture, $"{name}#{count + 1}");
            }
            else
            {
                seen[name] = 1;
            }

            writer.WriteString(name, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static bool AllPositional(IReadOnlyList<KeyValuePair<string, string>> values)
    {
        foreach (KeyValuePair<string, string> pair in values)
        {
            if (pair.Key.Length == 0 || !char.IsAsciiDigit(pair.Key[0]))
            {
                return false;
            }
        }

        return true;
    }
}
