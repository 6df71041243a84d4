using System.Globalization;
using Analyzer.Core;
using CsvHelper;

namespace Analyzer.EventLogs.Csv;

/// <summary>Every row of a CSV text as strings with its 1-based line, read by CsvHelper (quoted fields may span lines).</summary>
internal static class CsvRows
{
    /// <summary>
    /// The rows, each complete one. When the text ends inside a quoted field (a file cut while it was
    /// written or copied), that last row is withheld and <paramref name="cutRow"/> gets the line on
    /// which its open field began: CsvHelper would hand it over as if it were whole.
    /// </summary>
    public static IEnumerable<(string[] Cells, long Line)> Read(TextReader text, Action<long> cutRow)
    {
        var tracker = new OpenQuoteTracker(text);
        var options = new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true };
        using CsvReader reader = CsvReader.Create(tracker, options, leaveOpen: true);
        (string[] Cells, long Line)? held = null;
        while (reader.Read())
        {
            if (held is { } previous)
            {
                yield return previous;
            }

            string[] cells = new string[reader.FieldCount];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            held = (cells, reader.LineNumber);
        }

        if (tracker.EndedInsideQuotes)
        {
            cutRow(tracker.OpenQuoteLine);
        }
        else if (held is { } last)
        {
            yield return last;
        }
    }

    /// <summary>The one-line warning for a cut last row: the file's end is the byte offset where the cut is.</summary>
    public static InputDiagnostic CutWarning(AnalysisInput input, long line) =>
        new(input.DisplayName, EndOffset(input.Path), null, string.Create(CultureInfo.InvariantCulture,
            $"the file ends inside a quoted field opened on CSV line {line}: the export was cut there, so that last row was not read (every row before it was)"));

    private static long? EndOffset(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
