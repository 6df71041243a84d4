using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>Capture messages and log records merged in time order.</summary>
internal sealed class TimelineMarkdown : IMarkdownSection
{
    private const int Rows = 400;

    public void Write(ReportDocument document, MarkdownOut output)
    {
        if (document.Timeline.Count == 0)
        {
            return;
        }

        output.Heading(2, "Timeline");
        output.Paragraph("Capture messages and log records in time order (UTC); log times moved onto the capture clock where the offset is known are marked with ≈.");
        output.Diagram("timeline");
        output.Table(["Time", "Input", "Frame / record", "What"], document.Timeline.Select(t => new[]
        {
            t.CorrectedTime is null ? MarkdownText.Escape(t.Time) : "≈ " + MarkdownText.Escape(t.CorrectedTime),
            MarkdownText.Cell(t.Input),
            t.Frame is long frame ? "frame " + frame.ToString(CultureInfo.InvariantCulture)
                : t.Record is long record ? "record " + record.ToString(CultureInfo.InvariantCulture) : "—",
            t.Failure ? "**" + MarkdownText.Escape(t.Text) + "**" : MarkdownText.Escape(t.Text),
        }), Rows);
    }
}
