using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>Title and verdict: the one sentence a reader needs, how bad, and what to do first.</summary>
internal sealed class VerdictMarkdown : IMarkdownSection
{
    public void Write(ReportDocument document, MarkdownOut output)
    {
        output.Heading(1, "vpndiag report");
        string redacted = document.Redacted ? " Addresses, host names, user names and certificate subjects are pseudonyms." : string.Empty;
        output.Paragraph("*" + MarkdownText.Escape(document.Tool.Name + " " + document.Tool.Version) + ", " + MarkdownText.Escape(document.GeneratedAt)
            + "." + redacted + "*");

        ReportVerdict verdict = document.Verdict ?? new ReportVerdict("ok", null, "No problem found", "vpndiag found no sign of a failure in these inputs.", null);
        output.Heading(2, "Verdict");
        string rule = verdict.Rule is null ? string.Empty : " (" + MarkdownText.Code(verdict.Rule) + ")";
        output.Paragraph("**" + ReportLabels.Severity(verdict.Severity) + ": " + MarkdownText.Escape(verdict.Title) + "**" + rule);
        output.Paragraph(MarkdownText.Escape(verdict.Sentence));
        if (verdict.FirstAction is not null)
        {
            output.Paragraph("**First thing to do:** " + MarkdownText.Escape(verdict.FirstAction));
        }
    }
}
