namespace Analyzer.Reporting.Markdown;

/// <summary>
/// The Markdown report (for tickets), rendered from the document only. The order is the reading
/// order: verdict, the attempts table, findings, each attempt, then after a rule the appendix of
/// everything per capture and per log, inputs last. The HTML report renders the same Markdown
/// with diagram placeholders switched on.
/// </summary>
public static class MarkdownReportWriter
{
    private static readonly IMarkdownSection[] Sections =
    [
        new VerdictMarkdown(),
        new AttemptsMarkdown(),
        new FindingsMarkdown(),
        new AttemptDetailsMarkdown(),
        new AppendixMarkdown(),
        new IkeMarkdown(),
        new EspMarkdown(),
        new L2tpMarkdown(),
        new PptpMarkdown(),
        new PathsMarkdown(),
        new TimelineMarkdown(),
        new EventsMarkdown(),
        new InputsMarkdown(),
    ];

    public static void Write(ReportDocument document, TextWriter writer) => Write(document, writer, forHtml: false);

    public static string ToMarkdown(ReportDocument document)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(document, writer);
        return writer.ToString();
    }

    internal static void Write(ReportDocument document, TextWriter writer, bool forHtml)
    {
        var output = new MarkdownOut(writer, forHtml);
        foreach (IMarkdownSection section in Sections)
        {
            section.Write(document, output);
        }
    }
}
