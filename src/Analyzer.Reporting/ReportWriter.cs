using System.Text;
using Analyzer.Reporting.Csv;
using Analyzer.Reporting.Html;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Markdown;

namespace Analyzer.Reporting;

/// <summary>
/// Writes a report document in one format. Markdown, HTML and JSON go to a stream or text writer
/// (or a file); CSV is a directory of tables. Every format is rendered from the same document.
/// </summary>
public static class ReportWriter
{
    public static void Write(ReportDocument document, ReportFormat format, TextWriter writer)
    {
        switch (format)
        {
            case ReportFormat.Markdown:
                MarkdownReportWriter.Write(document, writer);
                break;
            case ReportFormat.Html:
                HtmlReportWriter.Write(document, writer);
                break;
            case ReportFormat.Json when writer is StreamWriter { Encoding: UTF8Encoding } stream:
                // Straight to the bytes underneath, not through a string of the whole report.
                stream.Flush();
                JsonReportWriter.Write(document, stream.BaseStream);
                stream.WriteLine();
                break;
            case ReportFormat.Json:
                writer.Write(JsonReportWriter.ToJson(document));
                writer.WriteLine();
                break;
            default:
                throw new ArgumentException("CSV is a directory of tables: use WriteToDirectory", nameof(format));
        }

        writer.Flush();
    }

    public static void Write(ReportDocument document, ReportFormat format, Stream output)
    {
        if (format == ReportFormat.Json)
        {
            JsonReportWriter.Write(document, output);
            output.Flush();
            return;
        }

        using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        Write(document, format, writer);
    }

    /// <summary>The CSV tables into <paramref name="directory"/> (created if needed); returns the files written.</summary>
    public static IReadOnlyList<string> WriteToDirectory(ReportDocument document, string directory) =>
        CsvReportWriter.Write(document, directory);

    /// <summary>A file for Markdown, HTML and JSON; a directory for CSV.</summary>
    public static void WriteToPath(ReportDocument document, ReportFormat format, string path)
    {
        if (format == ReportFormat.Csv)
        {
            WriteToDirectory(document, path);
            return;
        }

        using FileStream file = File.Create(path);
        Write(document, format, file);
    }

    /// <summary>"md"/"markdown", "html"/"htm", "json", "csv" (as given to --format, or a file extension with or without its dot).</summary>
    public static bool TryParseFormat(string? name, out ReportFormat format)
    {
        format = ReportFormat.Markdown;
        switch (name?.TrimStart('.').ToUpperInvariant())
        {
            case "MD" or "MARKDOWN":
                format = ReportFormat.Markdown;
                return true;
            case "HTML" or "HTM":
                format = ReportFormat.Html;
                return true;
            case "JSON":
                format = ReportFormat.Json;
                return true;
            case "CSV":
                format = ReportFormat.Csv;
                return true;
            default:
                return false;
        }
    }
}
