using Analyzer.Reporting.Markdown;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Analyzer.Reporting.Html;

/// <summary>
/// Renders the Markdown writer's diagram placeholders (a fenced block with info
/// <see cref="MarkdownOut.DiagramFence"/>) as the SVG drawn from the document; every other code
/// block goes to Markdig's own renderer. Input strings cannot forge a placeholder: the Markdown
/// writer escapes backticks in them, and an unknown key renders nothing.
/// </summary>
internal sealed class DiagramBlockRenderer(CodeBlockRenderer fallback, DiagramSet diagrams) : HtmlObjectRenderer<CodeBlock>
{
    protected override void Write(HtmlRenderer renderer, CodeBlock obj)
    {
        if (obj is FencedCodeBlock fenced && fenced.Info == MarkdownOut.DiagramFence)
        {
            string key = fenced.Lines.ToString().Trim();
            if (diagrams.Svg(key) is string svg)
            {
                renderer.EnsureLine();
                renderer.Write("<figure class=\"diagram-wrap\">").Write(svg).WriteLine("</figure>");
            }

            return;
        }

        fallback.Write(renderer, obj);
    }
}
