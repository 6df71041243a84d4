using System.Globalization;
using Analyzer.Core;

namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// Counts, per daemon, the lines no map entry recognised, as one note each for the report's inputs
/// section ("412 charon lines not recognised"): they are kept (and listed by <c>vpndiag events</c>),
/// never dropped silently.
/// </summary>
internal static class UnrecognisedLines
{
    public static void Report(AnalysisInput input, EventLogReadResult result)
    {
        var counts = new SortedDictionary<string, (int Unrecognised, int All)>(StringComparer.Ordinal);
        foreach (EventRecord record in result.Records)
        {
            string daemon = record.Provider ?? "unknown";
            (int unrecognised, int all) = counts.GetValueOrDefault(daemon);
            counts[daemon] = (unrecognised + (record.Normalized is null ? 1 : 0), all + 1);
        }

        foreach ((string daemon, (int unrecognised, int all)) in counts)
        {
            if (unrecognised > 0)
            {
                result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, null,
                    string.Create(CultureInfo.InvariantCulture, $"{unrecognised} {daemon} lines not recognised (of {all}; kept without a kind)"),
                    DiagnosticSeverity.Info));
            }
        }
    }
}
