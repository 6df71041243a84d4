using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>Anomalies of a tunnel or PPP session in one line: "frame 12: malformed-message (AVP BadLength ...)".</summary>
internal static class AnomalyText
{
    public static string Join(IReadOnlyList<ReportAnomaly> anomalies) =>
        string.Join("; ", anomalies.Select(a => string.Create(CultureInfo.InvariantCulture, $"frame {a.Frame}: {a.Kind}")
            + (a.Detail.Length > 0 ? " (" + a.Detail + ")" : string.Empty)));
}
