using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>
/// The attempts table, right under the verdict: one row per connection attempt — how far it got,
/// where and on which side it stopped, the cause, who acts and the rule — so the answer fits on
/// one screen.
/// </summary>
internal sealed class AttemptsMarkdown : IMarkdownSection
{
    /// <summary>Rows shown at the top; the rest are in the per-attempt section and the JSON.</summary>
    private const int MaxRows = 15;

    public void Write(ReportDocument document, MarkdownOut output)
    {
        output.Heading(2, "Connection attempts");
        if (document.Attempts.Count == 0)
        {
            output.Paragraph("No connection attempt in these inputs (no IKE, L2TP or tied log record).");
            return;
        }

        output.Table(
            ["#", "Start", "Client → server", "IKE", "Got as far as", "Failed stage", "Side", "Cause", "Who acts", "Rule"],
            document.Attempts.Select(a => new[]
            {
                a.Id,
                MarkdownText.Cell(a.Start),
                MarkdownText.Escape((a.Client ?? "?") + " → " + a.ServerShown),
                MarkdownText.Escape(IkeLabel(a)),
                MarkdownText.Cell(a.Reached),
                MarkdownText.Cell(a.FailedStage),
                a.FailedStage is null ? "—" : MarkdownText.Escape(a.Side),
                MarkdownText.Cell(a.Cause),
                MarkdownText.Cell(a.Owner),
                a.Rule is null ? "—" : MarkdownText.Code(a.Rule),
            }),
            MaxRows);
    }

    internal static string IkeLabel(ReportAttempt attempt) => attempt.Ike.Version switch
    {
        // A log shows IKE ran (a Windows 4653's cookies) without naming its version.
        null when attempt.Ike.Mode == "unknown" => "IKE (version unknown)",
        // Only a capture can show that no IKE ran; a RAS event alone does not say which tunnel it used.
        null when attempt.Views.All(v => v.Role == "log") => "not logged",
        null => "none",
        int version => "IKEv" + version.ToString(System.Globalization.CultureInfo.InvariantCulture) + (attempt.Ike.Mode is "main" or "aggressive" ? " " + attempt.Ike.Mode : ""),
    };
}
