namespace Analyzer.Reporting.Markdown;

/// <summary>One section of the Markdown report; registered in order in <see cref="MarkdownReportWriter"/>.</summary>
internal interface IMarkdownSection
{
    void Write(ReportDocument document, MarkdownOut output);
}
