using System.Globalization;
using System.Text;

namespace Analyzer.Reporting.Markdown;

/// <summary>
/// Shows what an input string really holds: line breaks and tabs become spaces, other control
/// characters their Unicode "control picture", and invisible or direction-changing characters
/// (which can make "exe.txt" read as "txt.exe") a visible &lt;U+202E&gt; marker. Used by the
/// Markdown, HTML and SVG writers before their own escaping.
/// </summary>
public static class VisibleText
{
    public static string Clean(string text)
    {
        bool needs = false;
        foreach (char c in text)
        {
            if (NeedsReplacing(c))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\r' or '\n' or '\t')
            {
                clean.Append(' ');
            }
            else if (c < 0x20)
            {
                clean.Append((char)(0x2400 + c));
            }
            else if (c == 0x7F)
            {
                clean.Append('\u2421');
            }
            else if (NeedsReplacing(c))
            {
                clean.Append("<U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('>');
            }
            else
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static bool NeedsReplacing(char c) =>
        c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)
        || c is '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF'
        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
