using System.Globalization;
using CsvHelper;

namespace Analyzer.Reporting.Csv;

/// <summary>
/// One CSV file: a header row, then records. CsvHelper quotes and escapes; its injection guard
/// escapes cells starting with =, +, - or @ so a spreadsheet never runs an input string as a formula.
/// </summary>
internal sealed class CsvTable : IDisposable
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private readonly StreamWriter _file;
    private readonly CsvWriter _csv;

    public CsvTable(string path, params string[] headers)
    {
        _file = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        _csv = CsvWriter.Create(_file, Options, leaveOpen: true);
        _csv.WriteRecord(headers);
    }

    public void Row(params object?[] fields)
    {
        foreach (object? field in fields)
        {
            _csv.WriteField(field switch
            {
                null => string.Empty,
                bool b => b ? "true" : "false",
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => field.ToString() ?? string.Empty,
            });
        }

        _csv.EndRecord();
    }

    public void Dispose()
    {
        _csv.Dispose();
        _file.Dispose();
    }
}
