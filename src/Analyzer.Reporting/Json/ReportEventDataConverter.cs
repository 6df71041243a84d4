using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Analyzer.EventLogs.Output;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Json;

/// <summary>
/// Event data in the report: written by <see cref="EventRecordJson"/> (an object, a repeated name
/// getting "#2", "#3"..., or an array of positional values), read back for the schema tests.
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
        ArgumentNullException.ThrowIfNull(value);
        EventRecordJson.WriteData(writer, value.Values, value.Positional);
    }

    private static string ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString() ?? string.Empty,
        JsonTokenType.Null => string.Empty,
        JsonTokenType.StartObject or JsonTokenType.StartArray => throw new JsonException("event data values must be scalars"),
        _ => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
    };
}
