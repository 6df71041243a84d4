using CsvHelper;

namespace Analyzer.EventLogs.Csv;

/// <summary>Every row of a CSV text as strings with its 1-based line, read by CsvHelper (quoted fields may span lines).</summary>
internal static class CsvRows
{
    public static IEnumerable<(string[] Cells, long Line)> Read(TextReader text)
    {
        var options = new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true };
        using CsvReader reader = CsvReader.Create(text, options, leaveOpen: true);
        while (reader.Read())
        {
            string[] cells = new string[reader.FieldCount];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.GetString(i);
            }

            yield return (cells, reader.LineNumber);
        }
    }
}
