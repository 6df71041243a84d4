using System.Net;
using Analyzer.Reporting.Csv;
using Analyzer.Reporting.Html;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Markdown;
using Analyzer.Reporting.Tests.Fixtures;
using Markdig;

namespace Analyzer.Reporting.Tests;

/// <summary>
/// Markup in IKE identities, vendor IDs, L2TP host and vendor names, PPP messages and event data
/// (a synthetic hostile case: no daemon sends these) never becomes live markup in any format,
/// and the text stays visible as it was sent.
/// </summary>
public sealed class HostileInputTests
{
    private static readonly string[] LiveMarkup =
        ["<script", "<img", "<iframe", "<h1 id=\"injected", "<strong>bold", "<em>it", "<del>", "href=\"javascript", "href=\"http://203.0.113.9", "<b>bold", "<table>\n<thead>\n<tr>\n<th>a"];

    [Fact]
    public void Markdown_rendered_even_with_raw_html_allowed_contains_no_live_markup()
    {
        string markdown = MarkdownReportWriter.ToMarkdown(TestReports.Synthetic(hostile: true));

        // A ticket system may render raw HTML and extensions: use Markdig's most permissive pipeline.
        string html = Markdig.Markdown.ToHtml(markdown, new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());

        foreach (string live in LiveMarkup)
        {
            int at = html.IndexOf(live, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, live + " found: " + (at < 0 ? string.Empty : html.Substring(Math.Max(0, at - 200), Math.Min(400, html.Length - Math.Max(0, at - 200)))));
        }
    }

    [Fact]
    public void Markdown_keeps_every_hostile_string_readable()
    {
        string markdown = MarkdownReportWriter.ToMarkdown(TestReports.Synthetic(hostile: true));
        string plain = Markdig.Markdown.ToPlainText(markdown);

        foreach (string hostile in HostileStrings.All)
        {
            Assert.True(plain.Contains(VisibleText.Clean(hostile), StringComparison.Ordinal), "not visible: " + VisibleText.Clean(hostile));
        }
    }

    [Fact]
    public void Markdown_heading_injection_stays_inside_its_line()
    {
        string markdown = MarkdownReportWriter.ToMarkdown(TestReports.Synthetic(hostile: true));

        Assert.DoesNotContain("\n# injected heading", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(markdown.Split('\n'), line => line.StartsWith("```vpndiag-diagram", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_report_contains_no_live_markup_and_shows_the_text_encoded()
    {
        string html = HtmlReportWriter.ToHtml(TestReports.Synthetic(hostile: true));

        foreach (string live in LiveMarkup)
        {
            int at = html.IndexOf(live, StringComparison.OrdinalIgnoreCase);
            Assert.True(at < 0, live + " found: " + (at < 0 ? string.Empty : html.Substring(Math.Max(0, at - 200), Math.Min(400, html.Length - Math.Max(0, at - 200)))));
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/text&gt;&lt;/svg&gt;&lt;iframe", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_report_shows_a_hidden_direction_override_as_a_visible_marker()
    {
        string html = HtmlReportWriter.ToHtml(TestReports.Synthetic(hostile: true));

        Assert.DoesNotContain("\u202E", html, StringComparison.Ordinal);
        Assert.Contains("report&lt;U+202E&gt;txt.exe", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_diagrams_encode_host_names_and_vendor_names()
    {
        string svg = new DiagramSet(TestReports.Synthetic(hostile: true)).Svg("l2tp-0")!;

        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(WebUtility.HtmlEncode(HostileStrings.Script), svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_escapes_angle_brackets_and_ampersands()
    {
        string json = JsonReportWriter.ToJson(TestReports.Synthetic(hostile: true));

        Assert.DoesNotContain("<script", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u003Cscript\\u003E", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&lt;b&gt;", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_round_trip_keeps_the_hostile_strings_exactly()
    {
        ReportDocument document = TestReports.Synthetic(hostile: true);

        ReportDocument back = JsonReportWriter.FromJson(JsonReportWriter.ToJson(document))!;

        Assert.Equal(HostileStrings.Script, back.L2tp.Tunnels[0].ClientHostName);
        Assert.Equal(HostileStrings.Fence, back.Ike.Sas[0].Identities[1].Value);
        Assert.Equal(JsonReportWriter.ToJson(document), JsonReportWriter.ToJson(back));
    }

    [Fact]
    public void Csv_cells_that_start_like_a_formula_are_escaped_and_quoted_cells_keep_line_breaks()
    {
        string directory = TestReports.OutputDirectory(nameof(Csv_cells_that_start_like_a_formula_are_escaped_and_quoted_cells_keep_line_breaks));
        CsvReportWriter.Write(TestReports.Synthetic(hostile: true), directory);
        string events = File.ReadAllText(Path.Combine(directory, "events.csv"));

        Assert.DoesNotContain(",=HYPERLINK", events, StringComparison.Ordinal);
        Assert.DoesNotContain(";=HYPERLINK", events, StringComparison.Ordinal);
        Assert.Contains("HYPERLINK", events, StringComparison.Ordinal);
        Assert.Contains("\"line\n# injected heading", events, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_decoded_from_a_hostile_capture_render_as_text_in_markdown_and_html()
    {
        string directory = TestReports.OutputDirectory(nameof(Strings_decoded_from_a_hostile_capture_render_as_text_in_markdown_and_html));
        ReportDocument document = ReportBuilder.Build(HostileCaptureCase.Build(directory), new Diagnosis.DiagnosisResult(), TestReports.Options());

        Assert.Equal(HostileCapture.Identity, document.Ike.Sas[0].Identities[0].Value);
        Assert.Equal(HostileCapture.VendorIdText, document.Ike.Sas[0].VendorIds[0].Text);
        Assert.Equal(HostileCapture.HostName, document.L2tp.Tunnels[0].ClientHostName);
        Assert.Equal(HostileCapture.VendorName, document.L2tp.Tunnels[0].ClientVendorName);
        string html = HtmlReportWriter.ToHtml(document);
        string markdownAsHtml = Markdig.Markdown.ToHtml(MarkdownReportWriter.ToMarkdown(document), new MarkdownPipelineBuilder().UseAdvancedExtensions().Build());
        File.WriteAllText(Path.Combine(directory, "hostile-capture.html"), html);
        foreach (string output in (string[])[html, markdownAsHtml])
        {
            Assert.DoesNotContain("<script", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>host", output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("href=\"javascript", output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(WebUtility.HtmlEncode(HostileCapture.HostName), output.Replace("&#39;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        }
    }
}
