using System.Globalization;
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
                    Kind = item.Kind == EvidenceKind.Inferred ? "inferred" : null,
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
}
