using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>
/// Per attempt: its stages, one ladder across every vantage point (each message once, marked where
/// it was seen), the log lines tied to it and its findings.
/// </summary>
internal sealed class AttemptDetailsMarkdown : IMarkdownSection
{
    public void Write(ReportDocument document, MarkdownOut output)
    {
        int shown = 0;
        foreach (ReportAttempt attempt in document.Attempts)
        {
            if (shown++ == MarkdownOut.MaxDetailed)
            {
                break;
            }

            output.Heading(3, "Attempt " + MarkdownText.Escape(attempt.Id) + ": " + MarkdownText.Escape((attempt.Client ?? "?") + " → " + (attempt.Server ?? "?")));
            var facts = new List<string>
            {
                "Views: " + string.Join(", ", attempt.Views.Select(v => MarkdownText.Escape(v.Input) + " (" + MarkdownText.Escape(v.Role)
                    + (v.Match is ReportViewMatch match ? "; " + MarkdownText.Escape(match.Kind) + ": " + MarkdownText.Escape(match.Text) : "") + ")")),
            };
            if (attempt.FailedStage is not null)
            {
                facts.Add("Failed at " + MarkdownText.Code(attempt.FailedStage) + ", side " + MarkdownText.Escape(attempt.Side)
                    + (attempt.SideReason is null ? "" : ": " + MarkdownText.Escape(attempt.SideReason)));
            }

            if (attempt.Findings.Count > 0)
            {
                facts.Add("Findings: " + string.Join(", ", attempt.Findings.Select(MarkdownText.Code)));
            }

            if (attempt.Relations.Count > 0)
            {
                facts.Add("Related: " + MarkdownText.Escape(string.Join(", ", attempt.Relations)));
            }

            output.Bullets(facts);
            output.Table(["Stage", "Outcome", "Evidence"], attempt.Stages.Select(s => new[]
            {
                MarkdownText.Code(s.Stage),
                MarkdownText.Escape(s.Outcome),
                s.Evidence.Count == 0 ? "—" : string.Join("; ", s.Evidence.Select(Evidence)),
            }));

            if (attempt.Messages.Count > 0)
            {
                output.Table(["Time", "Message", "From", "Sent", "Seen", "Frames"], attempt.Messages.Select(m => new[]
                {
                    MarkdownText.Cell(m.Time),
                    MarkdownText.Escape(m.Message + (m.Encrypted ? " (encrypted)" : "") + (m.Notify is null ? "" : " " + m.Notify)),
                    MarkdownText.Escape(m.From),
                    m.Sends.ToString(CultureInfo.InvariantCulture) + "×",
                    MarkdownText.Escape(m.Seen),
                    MarkdownText.Escape(string.Join(", ", m.Frames.Take(4)) + (m.Frames.Count > 4 ? ", …" : "")),
                }), MarkdownOut.MaxDetailed);
            }

            if (attempt.Records.Count > 0)
            {
                output.Table(["Time", "Log", "Line"], attempt.Records.Select(r => new[]
                {
                    MarkdownText.Cell(r.Time),
                    MarkdownText.Escape(r.Input + " #" + r.Record.ToString(CultureInfo.InvariantCulture)),
                    MarkdownText.Cell(r.Text),
                }), MarkdownOut.MaxDetailed);
            }
        }

        output.MoreDetailed(document.Attempts.Count, "attempts");
    }

    private static string Evidence(ReportEvidence e)
    {
        string where = e.Frame is long frame ? " (" + MarkdownText.Escape(e.Input) + " frame " + frame.ToString(CultureInfo.InvariantCulture) + ")"
            : e.Record is long record ? " (" + MarkdownText.Escape(e.Input) + " record " + record.ToString(CultureInfo.InvariantCulture) + ")" : "";
        return "*" + MarkdownText.Escape(e.Kind) + "*: " + MarkdownText.Escape(e.Text) + where;
    }
}
