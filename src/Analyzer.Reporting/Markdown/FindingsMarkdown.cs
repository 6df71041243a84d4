using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>Every finding with its evidence (frame numbers, Wireshark filters, record ids) and remediation.</summary>
internal sealed class FindingsMarkdown : IMarkdownSection
{
    public void Write(ReportDocument document, MarkdownOut output)
    {
        output.Heading(2, "Findings");
        if (document.Findings.Count == 0)
        {
            output.Paragraph("No rule fired.");
        }

        for (int i = 0; i < document.Findings.Count; i++)
        {
            ReportFinding finding = document.Findings[i];
            output.Heading(3, string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {ReportLabels.Severity(finding.Severity)}: ")
                + MarkdownText.Escape(finding.Title) + " (" + MarkdownText.Code(finding.Rule) + ")");
            output.Paragraph(MarkdownText.Escape(finding.Summary));
            var facts = new List<string> { "Category: " + MarkdownText.Escape(finding.Category) };
            if (finding.Cause is not null)
            {
                facts.Add("Cause: " + MarkdownText.Escape(finding.Cause));
            }

            if (finding.Owner is not null)
            {
                facts.Add("Who acts: " + MarkdownText.Escape(finding.Owner));
            }

            if (finding.Explains.Count > 0)
            {
                facts.Add("Explains: " + string.Join(", ", finding.Explains.Select(MarkdownText.Code)));
            }

            output.Bullets(facts);
            if (finding.Evidence.Count > 0)
            {
                output.Paragraph("**Evidence**");
                output.Table(["Input", "Frame / record", "Time", "What", "Wireshark filter"], finding.Evidence.Select(e => new[]
                {
                    MarkdownText.Cell(e.Input),
                    e.Frame is long frame ? "frame " + frame.ToString(CultureInfo.InvariantCulture)
                        : e.Record is long record ? "record " + record.ToString(CultureInfo.InvariantCulture) : "—",
                    MarkdownText.Cell(e.Time),
                    MarkdownText.Cell(e.Kind is null ? e.Text : "(" + e.Kind + ") " + e.Text),
                    MarkdownText.Code(e.DisplayFilter),
                }));
            }

            if (finding.Remediation.Count > 0)
            {
                output.Paragraph("**What to do**");
                output.Numbered([.. finding.Remediation.Select(MarkdownText.Escape)]);
            }

            if (finding.References.Count > 0)
            {
                output.Paragraph("**References**");
                output.Bullets(finding.References.Select(MarkdownText.Escape));
            }
        }
    }
}
