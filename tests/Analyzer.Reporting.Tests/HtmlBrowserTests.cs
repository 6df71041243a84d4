using Analyzer.Reporting.Html;
using Analyzer.Reporting.Tests.Fixtures;
using Microsoft.Playwright;

namespace Analyzer.Reporting.Tests;

/// <summary>
/// The HTML report opened by a real browser: Debian's Chromium driven by Playwright, headless, with
/// no network features, a fresh profile and JavaScript on (so a script that slipped through would
/// run and show). Screenshots are kept under the test's output directory (artifacts/).
/// </summary>
[Trait("Category", "Slow")]
public sealed class HtmlBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
    ];

    [Fact]
    public async Task Report_opens_with_verdict_sized_diagrams_and_no_console_errors()
    {
        string directory = TestReports.OutputDirectory(nameof(Report_opens_with_verdict_sized_diagrams_and_no_console_errors));
        ReportDocument document = TestReports.Synthetic();
        BrowserRun run = await OpenAsync(document, directory, "report");

        Assert.Empty(run.ConsoleErrors);
        Assert.Empty(run.Dialogs);
        Assert.Contains("The server never answered Main Mode message 5", run.VerdictText, StringComparison.Ordinal);
        Assert.Equal(document.Ike.Sas.Count + document.L2tp.Tunnels.Count + document.Paths.Count + 1, run.DiagramSizes.Count);
        Assert.All(run.DiagramSizes, size => Assert.True(size.Width > 300 && size.Height > 60, $"diagram {size.Width}x{size.Height}"));
        Assert.True(new FileInfo(run.Screenshot).Length > 10_000);
    }

    [Fact]
    public async Task Hostile_report_runs_no_script_and_shows_the_markup_as_text()
    {
        string directory = TestReports.OutputDirectory(nameof(Hostile_report_runs_no_script_and_shows_the_markup_as_text));
        BrowserRun run = await OpenAsync(TestReports.Synthetic(hostile: true), directory, "hostile");

        Assert.Empty(run.Dialogs);
        Assert.Empty(run.ConsoleErrors);
        Assert.Equal(0, run.LiveElements);
        Assert.Contains(HostileStrings.Script, run.BodyText, StringComparison.Ordinal);
        Assert.Contains(HostileStrings.Image, run.BodyText, StringComparison.Ordinal);
        Assert.Contains(HostileStrings.Link, run.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_of_real_captures_renders_its_ladder()
    {
        string directory = TestReports.OutputDirectory(nameof(Report_of_real_captures_renders_its_ladder));
        ReportDocument document = TestReports.Real();
        BrowserRun run = await OpenAsync(document, directory, "real");

        Assert.Empty(run.ConsoleErrors);
        // Rendered without rules: its failed attempt makes the verdict name it (never "No problem found").
        Assert.Contains(document.Verdict!.Title, run.VerdictText, StringComparison.Ordinal);
        Assert.DoesNotContain("No problem found", run.VerdictText, StringComparison.Ordinal);
        Assert.Equal(document.Ike.Sas.Count + 1, run.DiagramSizes.Count);
    }

    private sealed record BrowserRun(
        string VerdictText,
        string BodyText,
        IReadOnlyList<(double Width, double Height)> DiagramSizes,
        int LiveElements,
        IReadOnlyList<string> ConsoleErrors,
        IReadOnlyList<string> Dialogs,
        string Screenshot);

    private static async Task<BrowserRun> OpenAsync(ReportDocument document, string directory, string name)
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip("chromium is not installed (Debian package chromium); .ci/run installs it");
        }

        string htmlPath = Path.Combine(directory, name + ".html");
        File.WriteAllText(htmlPath, HtmlReportWriter.ToHtml(document));
        string profile = Path.Combine(directory, "profile");

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowserContext context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = Arguments,
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
            JavaScriptEnabled = true,
            Offline = true,
        });
        IPage page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        var consoleErrors = new List<string>();
        var dialogs = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                consoleErrors.Add(message.Type + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add("page error: " + error);
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        await page.GotoAsync(new Uri(htmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        string screenshot = Path.Combine(directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = false });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + "-full.png"), FullPage = true });
        // The appendix (per capture and per log) is collapsed: open it as a reader would before reading it and its diagrams.
        foreach (ILocator summary in await page.Locator("details.appendix > summary").AllAsync())
        {
            await summary.ClickAsync();
        }

        int live = await page.Locator("script, img, iframe, object, embed, a[href^='javascript'], [onerror], [onclick]").CountAsync();
        string verdict = await page.Locator("h2#verdict + p").InnerTextAsync();
        string body = await page.Locator("body").InnerTextAsync();
        var sizes = new List<(double, double)>();
        foreach (ILocator diagram in await page.Locator("svg.diagram").AllAsync())
        {
            LocatorBoundingBoxResult? box = await diagram.BoundingBoxAsync();
            sizes.Add((box?.Width ?? 0, box?.Height ?? 0));
            string file = Path.Combine(directory, name + "-diagram-" + sizes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".png");
            await diagram.ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
        }

        return new BrowserRun(verdict, body, sizes, live, consoleErrors, dialogs, screenshot);
    }
}
