using System.Globalization;

namespace Analyzer.Reporting.Markdown;

/// <summary>
/// Where Markdown sections write. Cells and headings given here must already be escaped (see
/// <see cref="MarkdownText"/>); diagrams are placeholders that only the HTML flavour emits.
/// </summary>
internal sealed class MarkdownOut(TextWriter writer, bool forHtml)
{
    /// <summary>The fenced-block info string the HTML renderer swaps for an SVG diagram.</summary>
    public const string DiagramFence = "vpndiag-diagram";

    /// <summary>SAs or tunnels described in full; a capture with thousands keeps the rest in the JSON and CSV reports.</summary>
    public const int MaxDetailed = 50;

    public bool ForHtml { get; } = forHtml;

    public void Heading(int level, string escapedText)
    {
        writer.Write(new string('#', level));
        writer.Write(' ');
        writer.WriteLine(escapedText);
        writer.WriteLine();
    }

    public void Paragraph(string escapedText)
    {
        writer.WriteLine(escapedText);
        writer.WriteLine();
    }

    public void Bullets(IEnumerable<string> escapedItems)
    {
        bool any = false;
        foreach (string item in escapedItems)
        {
            writer.Write("- ");
            writer.WriteLine(item);
            any = true;
        }

        if (any)
        {
            writer.WriteLine();
        }
    }

    public void Numbered(IReadOnlyList<string> escapedItems)
    {
        for (int i = 0; i < escapedItems.Count; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {escapedItems[i]}"));
        }

        if (escapedItems.Count > 0)
        {
            writer.WriteLine();
        }
    }

    /// <summary>A pipe table; rows beyond <paramref name="limit"/> are left out with a note saying where to find them.</summary>
    public void Table(string[] headers, IEnumerable<string[]> rows, int limit = int.MaxValue)
    {
        writer.WriteLine("| " + string.Join(" | ", headers) + " |");
        writer.WriteLine("|" + string.Concat(Enumerable.Repeat("---|", headers.Length)));
        int count = 0;
        foreach (string[] row in rows)
        {
            if (count++ >= limit)
            {
                continue;
            }

            writer.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        writer.WriteLine();
        if (count > limit)
        {
            Paragraph(string.Create(CultureInfo.InvariantCulture, $"*{count - limit} more rows are in the JSON and CSV reports.*"));
        }
    }

    /// <summary>A key/value table for one object's details.</summary>
    public void Facts(IEnumerable<(string Key, string EscapedValue)> facts)
    {
        var rows = new List<string[]>();
        foreach ((string key, string value) in facts)
        {
            if (!string.IsNullOrEmpty(value))
            {
                rows.Add([key, value]);
            }
        }

        if (rows.Count > 0)
        {
            Table(["Detail", "Value"], rows);
        }
    }

    /// <summary>The note under a section that described only the first <see cref="MaxDetailed"/> of <paramref name="count"/> items.</summary>
    public void MoreDetailed(int count, string what)
    {
        if (count > MaxDetailed)
        {
            Paragraph(string.Create(CultureInfo.InvariantCulture, $"*{count - MaxDetailed} more {what} are in the JSON and CSV reports.*"));
        }
    }

    /// <summary>A thematic break: in HTML the appendix after it is collapsed.</summary>
    public void Rule()
    {
        writer.WriteLine("---");
        writer.WriteLine();
    }

    public void Diagram(string key)
    {
        if (!ForHtml)
        {
            return;
        }

        writer.WriteLine("```" + DiagramFence);
        writer.WriteLine(key);
        writer.WriteLine("```");
        writer.WriteLine();
    }
}
