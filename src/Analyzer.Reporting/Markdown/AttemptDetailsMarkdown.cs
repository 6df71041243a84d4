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

            output.Heading(3, "Attempt " + MarkdownText.Escape(attempt.Id) + ": " + MarkdownText.Escape((attempt.Client ?? "?") + " → " + attempt.ServerShown));
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
                s.Evidence.Count == 0 ? "—" : StageEvidence(s.Evidence),
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
                if (attempt.RecordsTotal > attempt.Records.Count)
                {
                    output.Paragraph(string.Create(CultureInfo.InvariantCulture,
                        $"*{attempt.Records.Count} of the attempt's {attempt.RecordsTotal} log lines: those the event maps recognise, and warnings and errors. The appendix's event log records list the rest.*"));
                }
            }
        }

        output.MoreDetailed(document.Attempts.Count, "attempts");
    }

    /// <summary>Evidence items shown per stage; the JSON keeps every one.</summary>
    private const int MaxEvidenceShown = 8;

    /// <summary>Frames or records cited per evidence line before "…".</summary>
    private const int MaxPlacesShown = 6;

    /// <summary>
    /// One line per thing seen in one input, with every frame or record that shows it: a failure a
    /// daemon logs on each retransmission would otherwise fill the cell with the same sentence
    /// thirty times, and the reader needs what was seen and where, once.
    /// </summary>
    private static string StageEvidence(IReadOnlyList<ReportEvidence> evidence)
    {
        List<IGrouping<(string Kind, string Text, string Input, bool IsFrame), ReportEvidence>> groups = evidence
            .GroupBy(e => (e.Kind, e.Text, e.Input, e.Frame is not null))
            .ToList();
        IEnumerable<string> lines = groups.Take(MaxEvidenceShown).Select(g => Evidence(g.First(), g.ToList()));
        string more = groups.Count > MaxEvidenceShown
            ? string.Create(CultureInfo.InvariantCulture, $"; … {groups.Count - MaxEvidenceShown} more in the JSON report")
            : "";
        return string.Join("; ", lines) + more;
    }

    private static string Evidence(ReportEvidence e, IReadOnlyList<ReportEvidence> same)
    {
        List<long> places = same.Select(x => x.Frame ?? x.Record ?? -1).Where(n => n >= 0).ToList();
        string where = places.Count == 0 ? ""
            : " (" + MarkdownText.Escape(e.Input) + (e.Frame is not null ? " frame" : " record") + (places.Count > 1 ? "s " : " ")
                + string.Join(", ", places.Take(MaxPlacesShown).Select(n => n.ToString(CultureInfo.InvariantCulture)))
                + (places.Count > MaxPlacesShown ? string.Create(CultureInfo.InvariantCulture, $", … {places.Count} in all") : "") + ")";
        return "*" + MarkdownText.Escape(e.Kind) + "*: " + MarkdownText.Escape(e.Text) + where;
    }
}
