using System.Globalization;
using Analyzer.Correlation.Attempts;
using Analyzer.Diagnosis;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>Findings in ranked order, evidence with a display filter, and the verdict drawn from them.</summary>
internal static class FindingsSection
{
    public static IReadOnlyList<ReportFinding> Build(BuildContext context)
    {
        var findings = new List<ReportFinding>(context.Diagnosis.Findings.Count);
        foreach (Finding finding in context.Diagnosis.Findings)
        {
            var evidence = new List<ReportEvidence>(finding.Evidence.Count);
            foreach (Evidence item in finding.Evidence)
            {
                evidence.Add(new ReportEvidence
                {
                    Input = context.InputName(item.InputIndex),
                    Frame = item.Frame,
                    Record = item.Record,
                    Time = ReportNames.Time(item.Time),
                    Text = context.Values.Text(item.Text),
                    DisplayFilter = context.Values.Text(item.DisplayFilter)
                        ?? (item.Frame is long frame ? string.Create(CultureInfo.InvariantCulture, $"frame.number == {frame}") : null),
                    Kind = AttemptNames.Kind(item.Kind),
                });
            }

            findings.Add(new ReportFinding
            {
                Rule = finding.RuleId,
                Title = context.Values.Text(finding.Title),
                Severity = ReportNames.Severity(finding.Severity),
                Category = finding.Category,
                Cause = finding.Cause,
                Owner = finding.Owner,
                Summary = context.Values.Text(finding.Summary),
                Evidence = evidence,
                Remediation = context.Values.Texts(finding.Remediation),
                References = [.. finding.References],
                Explains = [.. finding.Explains],
                Attempts = [.. finding.Attempts],
            });
        }

        return findings;
    }

    /// <summary>The first warning or error finding (the ranking puts the likeliest cause first), else the first finding.</summary>
    public static ReportVerdict Verdict(IReadOnlyList<ReportFinding> findings)
    {
        ReportFinding? top = null;
        foreach (ReportFinding finding in findings)
        {
            if (finding.Severity is "error" or "warning")
            {
                top = finding;
                break;
            }
        }

        top ??= findings.Count > 0 ? findings[0] : null;
        if (top is null)
        {
            return new ReportVerdict("ok", null, "No problem found",
                "vpndiag found no sign of a failure in these inputs.", null);
        }

        return new ReportVerdict(top.Severity, top.Rule, top.Title, top.Summary,
            top.Remediation.Count > 0 ? top.Remediation[0] : null);
    }

    /// <summary>
    /// The verdict qualified by a snapshot-length cut: "no problem" becomes a warning that these inputs
    /// cannot show one; an information verdict becomes a warning whose first action is to capture
    /// again; a warning or error keeps its cause and action and carries the sentence.
    /// </summary>
    public static ReportVerdict WithSnapLengthBlindness(ReportVerdict verdict, string? blindness)
    {
        const string Recapture = "Capture again with whole packets (tcpdump -s 0, or Wireshark's default snapshot length).";
        return blindness is null ? verdict
            : VerdictCaveat.Add(verdict, blindness, "The capture cannot show IKE payloads",
                "No failure was found, but these inputs cannot show one.", Recapture, raisesInfo: true);
    }

    /// <summary>
    /// One sentence when a capture's snapshot length cut IKE messages (read from the capture's typed
    /// statistics), for the verdict: its conclusions rest on headers only. Null when none did.
    /// </summary>
    public static string? SnapLengthBlindness(BuildContext context)
    {
        var cut = context.Case.Captures.Where(c => c.Statistics.IkeMessagesCut > 0).ToList();
        if (cut.Count == 0)
        {
            return null;
        }

        // The input's name is already made safe (and scrubbed when redacting) by InputName; the rest is ours.
        return string.Join(" ", cut.Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{context.InputName(c.Input.Index)} was taken with snaplen {c.Statistics.SnapLength}; its IKE payloads are cut ({c.Statistics.IkeMessagesCut} message(s), first at frame {c.Statistics.FirstIkeMessageCut}); recapture with -s 0.")));
    }
}
