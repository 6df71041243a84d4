using System.Text.Json.Serialization;
using Analyzer.Reporting.Json;

namespace Analyzer.Reporting.Document;

/// <summary>
/// EventData values in order. JSON writes an object when the values have names, an array when
/// they are positional (as <c>vpndiag events</c> does); repeated names keep every value.
/// </summary>
[JsonConverter(typeof(ReportEventDataConverter))]
public sealed record ReportEventData(IReadOnlyList<KeyValuePair<string, string>> Values, bool Positional)
{
    public static ReportEventData Empty { get; } = new([], false);
}
