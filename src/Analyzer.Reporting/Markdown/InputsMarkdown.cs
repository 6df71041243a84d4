using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>Inputs and reading problems, last: what was read, and what could not be.</summary>
internal sealed class InputsMarkdown : IMarkdownSection
{
    private const int WarningsPerInput = 50;

    public void Write(ReportDocument document, MarkdownOut output)
    {
        output.Heading(2, "Inputs and warnings");
        output.Table(["Input", "Kind", "Packets / records", "Warnings"], document.Inputs.Select(i => new[]
        {
            MarkdownText.Cell(i.Path), MarkdownText.Escape(i.Kind),
            i.Packets is long packets ? packets.ToString(CultureInfo.InvariantCulture) + " packets"
                : (i.Records ?? 0).ToString(CultureInfo.InvariantCulture) + " records",
            i.Warnings.Count.ToString(CultureInfo.InvariantCulture),
        }));

        foreach (ReportInput input in document.Inputs)
        {
            if (input.Warnings.Count == 0)
            {
                continue;
            }

            output.Paragraph("**" + MarkdownText.Escape(input.Path) + "**");
            output.Bullets(input.Warnings.Take(WarningsPerInput).Select(Line));
            if (input.Warnings.Count > WarningsPerInput)
            {
                output.Paragraph(string.Create(CultureInfo.InvariantCulture, $"*{input.Warnings.Count - WarningsPerInput} more in the JSON report.*"));
            }
        }

        if (document.Warnings.Count > 0)
        {
            output.Paragraph("**Other warnings**");
            output.Bullets(document.Warnings.Take(WarningsPerInput).Select(Line));
        }

        if (document.RuleErrors.Count > 0)
        {
            output.Paragraph("**Rules that could not be used** (the other rules ran)");
            output.Bullets(document.RuleErrors.Select(MarkdownText.Escape));
        }
    }

    private static string Line(ReportWarning warning)
    {
        string where = warning.Offset is long offset ? string.Create(CultureInfo.InvariantCulture, $"offset 0x{offset:X} ") : string.Empty;
        where += warning.Frame is long frame ? string.Create(CultureInfo.InvariantCulture, $"(frame {frame}) ") : string.Empty;
        return warning.Severity + ": " + MarkdownText.Escape(where) + MarkdownText.Escape(warning.Message);
    }
}
