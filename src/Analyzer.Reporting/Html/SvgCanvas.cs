using System.Globalization;
using System.Net;
using System.Text;
using Analyzer.Reporting.Markdown;

namespace Analyzer.Reporting.Html;

/// <summary>
/// Builds one inline SVG. Every piece of text goes through <see cref="Encode"/>, so strings from
/// inputs (identities, host names, notify details) can never become markup; class names and
/// numbers are vpndiag's own. No ids are emitted, so many diagrams can share a page.
/// </summary>
internal sealed class SvgCanvas
{
    private readonly StringBuilder _body = new();

    public SvgCanvas(int width, int height, string label)
    {
        Width = width;
        Height = height;
        Label = label;
    }

    public int Width { get; }

    public int Height { get; set; }

    public string Label { get; }

    public static string Encode(string text) => WebUtility.HtmlEncode(VisibleText.Clean(text));

    public void Line(double x1, double y1, double x2, double y2, string cssClass) =>
        _body.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" class=\"{cssClass}\"/>");

    public void Rect(double x, double y, double width, double height, string cssClass) =>
        _body.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{width:0.#}\" height=\"{height:0.#}\" rx=\"4\" class=\"{cssClass}\"/>");

    public void Circle(double x, double y, double radius, string cssClass, string? tooltip = null)
    {
        _body.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"{radius:0.#}\" class=\"{cssClass}\">");
        AppendTitle(tooltip);
        _body.Append("</circle>");
    }

    /// <summary>An arrowhead pointing along +x (right) or −x (left) with its tip at (x, y).</summary>
    public void ArrowHead(double x, double y, bool pointsRight, string cssClass)
    {
        double back = pointsRight ? x - 8 : x + 8;
        _body.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{x:0.#},{y:0.#} {back:0.#},{y - 4:0.#} {back:0.#},{y + 4:0.#}\" class=\"{cssClass}\"/>");
    }

    /// <summary>An ✕ marking where a message vanished.</summary>
    public void Cross(double x, double y, string cssClass)
    {
        Line(x - 5, y - 5, x + 5, y + 5, cssClass);
        Line(x - 5, y + 5, x + 5, y - 5, cssClass);
    }

    /// <summary>Text, cut to <paramref name="maxChars"/> characters with the whole of it as a tooltip.</summary>
    public void Text(double x, double y, string text, string cssClass, string anchor = "start", int maxChars = 80)
    {
        string shown = text.Length > maxChars ? text[..(maxChars - 1)] + "…" : text;
        _body.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" class=\"{cssClass}\">");
        AppendTitle(shown.Length < text.Length ? text : null);
        _body.Append(Encode(shown)).Append("</text>");
    }

    /// <summary>The finished element; <c>role="img"</c> and an aria-label make it readable to assistive tools.</summary>
    public string ToSvg() =>
        string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"diagram\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(Label)}\">")
        + _body + "</svg>";

    private void AppendTitle(string? tooltip)
    {
        if (tooltip is not null)
        {
            _body.Append("<title>").Append(Encode(tooltip)).Append("</title>");
        }
    }
}
