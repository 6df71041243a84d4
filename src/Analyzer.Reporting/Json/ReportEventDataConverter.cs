using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Json;

/// <summary>
/// Writes event data as an object (named values) or an array (positional values). A name that
/// repeats gets "#2", "#3"... so the object stays valid JSON without losing a value.
/// </summary>
public sealed class ReportEventDataConverter : JsonConverter<ReportEventData>
{
    public override ReportEventData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var values = new List<KeyValuePair<string, string>>();
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                values.Add(new(values.Count.ToString(CultureInfo.InvariantCulture), ReadScalar(ref reader)));
            }

            return new ReportEventData(values, true);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("event data must be an object or an array");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            values.Add(new(name, ReadScalar(ref reader)));
        }

        return new ReportEventData(values, false);
    }

    public override void Write(Utf8JsonWriter writer, ReportEventData value, JsonSerializerOptions options)
    {
        if (value.Positional)
        {
            writer.WriteStartArray();
            foreach (KeyValuePair<string, string> pair in value.Values)
            {
                writer.WriteStringValue(pair.Value);
            }

            writer.WriteEndArray();
            return;
        }

        writer.WriteStartObject();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> pair in value.Values)
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

    private static string ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() ?? string.Empty,
        JsonTokenType.Null => string.Empty,
        JsonTokenType.StartObject or JsonTokenType.StartArray => throw new JsonException("event data values must be scalars"),
        _ => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
    };
}
