namespace Analyzer.Reporting.Markdown;

/// <summary>
/// The rule under which everything per capture and per log follows (SAs, flows, tunnels, paths,
/// timeline, records, inputs): the attempts above answer the question, this is the material.
/// </summary>
internal sealed class AppendixMarkdown : IMarkdownSection
{
    public void Write(ReportDocument document, MarkdownOut output)
    {
        output.Rule();
        output.Heading(2, "Appendix: per capture and per log");
        output.Paragraph("Everything each input shows on its own; the JSON report holds all of it.");
    }
}
