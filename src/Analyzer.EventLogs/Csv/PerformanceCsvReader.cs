using System.Globalization;
using Analyzer.Core;

namespace Analyzer.EventLogs.Csv;

/// <summary>
/// Reads typeperf/relog CSV: first cell <c>(PDH-CSV 4.0) (Zone name)(bias minutes)</c>, then one
/// column per counter path; rows are "MM/dd/yyyy HH:mm:ss.fff" local times and values (blank
/// or " " when a sample is missing). UTC = local time + bias.
/// </summary>
internal static class PerformanceCsvReader
{
    private static readonly string[] TimeFormats = ["MM/dd/yyyy HH:mm:ss.fff", "M/d/yyyy HH:mm:ss.fff", "MM/dd/yyyy HH:mm:ss", "dd.MM.yyyy HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss.fff"];

    public static void Read(AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct)
    {
        using var stream = LineLengthGuard.OpenFile(input.Path, limits);
        Read(stream, input, limits, result, ct);
        stream.Report(input, result.Diagnostics);
    }

    private static void Read(TextReader stream, AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct)
    {
        string[]? header = null;
        int biasMinutes = 0;
        foreach ((string[] cells, long row) in CsvRows.Read(stream, cut => result.Diagnostics.Add(CsvRows.CutWarning(input, cut))))
        {
            ct.ThrowIfCancellationRequested();
            if (header is null)
            {
                if (cells.Length < 2 || !cells[0].Contains("PDH-CSV", StringComparison.Ordinal))
                {
                    throw new EventLogReadException(input.DisplayName, 0, "not a typeperf CSV (first cell is not \"(PDH-CSV 4.0)...\")");
                }

                header = cells;
                biasMinutes = ParseBias(header[0]);
                continue;
            }

            if (cells.Length < 2)
            {
                continue;
            }

            if (!DateTime.TryParseExact(cells[0].Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime local))
            {
                result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, row,
                    string.Create(CultureInfo.InvariantCulture, $"typeperf line {row}: time '{cells[0]}' not understood; row skipped")));
                continue;
            }

            Timestamp time = Timestamp.FromDateTime(local.AddMinutes(biasMinutes), 3);
            for (int column = 1; column < cells.Length && column < header.Length; column++)
            {
                if (double.TryParse(cells[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                {
                    if (result.Performance.Count >= limits.MaxEventRecords)
                    {
                        return;
                    }

                    result.Performance.Add(new PerformanceCounterSample(input.Index, row, time, header[column], value));
                }
            }
        }
    }

    /// <summary>The number in the last parentheses of the first cell: minutes to add to local time for UTC.</summary>
    private static int ParseBias(string firstCell)
    {
        int close = firstCell.LastIndexOf(')');
        int open = close > 0 ? firstCell.LastIndexOf('(', close) : -1;
        return open >= 0 && int.TryParse(firstCell.AsSpan(open + 1, close - open - 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int bias)
            ? bias
            : 0;
    }
}
