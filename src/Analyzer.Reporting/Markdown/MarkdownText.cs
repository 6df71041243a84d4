using System.Text;

namespace Analyzer.Reporting.Markdown;

/// <summary>
/// Makes input strings inert in Markdown: every character that could open markup (emphasis, code,
/// links, images, raw HTML, entities, table pipes, headings) is backslash-escaped, and control and
/// bidirectional-override characters become visible stand-ins, so the text reads exactly as it was
/// sent, whatever renders it.
/// </summary>
public static class MarkdownText
{
    private const string Specials = "\\`*_[]<>&|#~!";

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string clean = VisibleText.Clean(text);
        var escaped = new StringBuilder(clean.Length + 8);
        foreach (char c in clean)
        {
            if (Specials.Contains(c, StringComparison.Ordinal))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>A table cell: escaped, "—" when empty.</summary>
    public static string Cell(string? text) => string.IsNullOrEmpty(text) ? "—" : Escape(text);

    /// <summary>
    /// An inline code span for identifiers and filters: fenced with more backticks than the text
    /// holds. Text with a pipe or line break is escaped instead, since tables split on pipes even inside code.
    /// </summary>
    public static string Code(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "—";
        }

        string clean = VisibleText.Clean(text);
        if (clean.Contains('|', StringComparison.Ordinal))
        {
            return Escape(clean);
        }

        int longest = 0;
        int run = 0;
        foreach (char c in clean)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        string fence = new('`', longest + 1);
        bool pad = clean.StartsWith('`') || clean.EndsWith('`') || clean.StartsWith(' ');
        return pad ? fence + " " + clean + " " + fence : fence + clean + fence;
    }
}
