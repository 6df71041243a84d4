using System.Net;
using Analyzer.Reporting.Markdown;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Analyzer.Reporting.Html;

/// <summary>
/// The self-contained HTML report: the Markdown report rendered by Markdig with raw HTML disabled,
/// SVG diagrams in place of the placeholders, inline CSS, and a Content-Security-Policy that
/// forbids scripts and every external fetch. It reads fully without JavaScript; the appendix (all
/// that is per capture and per log) is a collapsed <c>&lt;details&gt;</c>.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>No scripts, no external anything; inline styles and data: images only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none'; object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();

    public static void Write(ReportDocument document, TextWriter writer)
    {
        using var markdown = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        MarkdownReportWriter.Write(document, markdown, forHtml: true);
        MarkdownDocument parsed = Markdig.Markdown.Parse(markdown.ToString(), Pipeline);

        string severity = document.Verdict?.Severity ?? "ok";
        string title = "vpndiag report: " + (document.Verdict?.Title ?? "no verdict");
        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\">");
        writer.WriteLine("<head>");
        writer.WriteLine("<meta charset=\"utf-8\">");
        writer.WriteLine("<meta http-equiv=\"Content-Security-Policy\" content=\"" + ContentSecurityPolicy + "\">");
        writer.WriteLine("<meta name=\"referrer\" content=\"no-referrer\">");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine("<title>" + WebUtility.HtmlEncode(VisibleText.Clean(title)) + "</title>");
        writer.WriteLine("<style>" + ReportStyles.Css + "</style>");
        writer.WriteLine("</head>");
        writer.WriteLine("<body class=\"severity-" + SeverityClass(severity) + "\">");
        writer.WriteLine("<main class=\"report\">");

        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        CodeBlockRenderer? codeBlocks = renderer.ObjectRenderers.FindExact<CodeBlockRenderer>();
        if (codeBlocks is not null)
        {
            renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new DiagramBlockRenderer(codeBlocks, new DiagramSet(document)));
        }

        // Everything after the Markdown's rule (per capture and per log) is the appendix: collapsed.
        bool appendix = false;
        foreach (Block block in parsed)
        {
            if (!appendix && block is ThematicBreakBlock)
            {
                renderer.Writer.Flush();
                writer.WriteLine("<details class=\"appendix\"><summary>Appendix: per capture and per log (IKE SAs, ESP flows, L2TP tunnels, paths, timeline, log records, inputs)</summary>");
                appendix = true;
                continue;
            }

            renderer.Render(block);
        }

        writer.Flush();
        if (appendix)
        {
            writer.WriteLine("</details>");
        }

        writer.WriteLine("</main>");
        writer.WriteLine("</body>");
        writer.WriteLine("</html>");
    }

    public static string ToHtml(ReportDocument document)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(document, writer);
        return writer.ToString();
    }

    private static string SeverityClass(string severity) => severity switch
    {
        "error" or "warning" or "info" => severity,
        _ => "ok",
    };
}
