using System.Text;
using Analyzer.Reporting.Csv;
using Analyzer.Reporting.Html;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Markdown;
using Analyzer.Reporting.Redaction;

namespace Analyzer.Reporting;

/// <summary>
/// Writes a report document in one format. Markdown, HTML and JSON go to a stream or text writer
/// (or a file); CSV is a directory of tables. Every format is rendered from the same document.
/// A redacted document is rendered to memory first and searched by its <see cref="LeakCheck"/>;
/// a leak throws <see cref="RedactionLeakException"/> and nothing is written (CSV files already
/// written are removed).
/// </summary>
public static class ReportWriter
{
    public static void Write(ReportDocument document, ReportFormat format, TextWriter writer)
    {
        if (document.LeakCheck is LeakCheck check && format != ReportFormat.Csv)
        {
            string text = Render(document, format);
            check.Verify(text, Describe(format));
            writer.Write(text);
            writer.Flush();
            return;
        }

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
        if (document.LeakCheck is LeakCheck check && format != ReportFormat.Csv)
        {
            string text = Render(document, format);
            check.Verify(text, Describe(format));
            output.Write(new UTF8Encoding(false).GetBytes(text));
            output.Flush();
            return;
        }

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
    public static IReadOnlyList<string> WriteToDirectory(ReportDocument document, string directory)
    {
        IReadOnlyList<string> written = CsvReportWriter.Write(document, directory);
        if (document.LeakCheck is LeakCheck check)
        {
            foreach (string table in written)
            {
                if (check.FindLeak(File.ReadAllText(table)) is string leak)
                {
                    foreach (string file in written)
                    {
                        File.Delete(file);
                    }

                    throw new RedactionLeakException($"--redact: the CSV table {Path.GetFileName(table)} would still hold {leak}; no report written");
                }
            }
        }

        return written;
    }

    /// <summary>A file for Markdown, HTML and JSON; a directory for CSV.</summary>
    public static void WriteToPath(ReportDocument document, ReportFormat format, string path)
    {
        if (format == ReportFormat.Csv)
        {
            WriteToDirectory(document, path);
            return;
        }

        if (document.LeakCheck is LeakCheck check)
        {
            // Checked before the file exists, so a leak leaves no file behind.
            string text = Render(document, format);
            check.Verify(text, Describe(format));
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return;
        }

        using FileStream file = File.Create(path);
        Write(document, format, file);
    }

    /// <summary>The whole Markdown, HTML or JSON text, as the writers above produce it.</summary>
    private static string Render(ReportDocument document, ReportFormat format) => format switch
    {
        ReportFormat.Markdown => MarkdownReportWriter.ToMarkdown(document),
        ReportFormat.Html => HtmlReportWriter.ToHtml(document),
        ReportFormat.Json => JsonReportWriter.ToJson(document) + "\n",
        _ => throw new ArgumentException("CSV is a directory of tables: use WriteToDirectory", nameof(format)),
    };

    private static string Describe(ReportFormat format) => format switch
    {
        ReportFormat.Markdown => "the Markdown report",
        ReportFormat.Html => "the HTML report",
        _ => "the JSON report",
    };

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
