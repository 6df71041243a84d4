using Analyzer.Correlation;
using Analyzer.Diagnosis;
using Analyzer.Reporting.Building;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Redaction;

namespace Analyzer.Reporting;

/// <summary>
/// Turns a case and its diagnosis into the report document. Each section has its own builder in
/// Building/ (a new section = one builder class and one line here). With
/// <see cref="ReportOptions.Redact"/> the sections spell every input value through the context's
/// pseudonymiser as they build (<see cref="BuildContext.Values"/>), so the document never holds a
/// real address or name and every format rendered from it carries the same pseudonyms; the
/// document takes the pseudonymiser's <see cref="LeakCheck"/>, which <see cref="ReportWriter"/>
/// runs on each rendered output before anything is written.
/// </summary>
public static class ReportBuilder
{
    public static ReportDocument Build(Case @case, DiagnosisResult diagnosis, ReportOptions options)
    {
        var context = new BuildContext(@case, diagnosis, options);

        // With --redact the pseudonyms are handed out in the order the sections meet the values, so
        // the sections run one after another, in the order below. Without it no section changes what
        // another writes: the IKE SAs and the timeline, a third of this stage on a large capture, are
        // built on the spare core meanwhile (docs/performance.md, sixth session).
        Task<(IkeReport Ike, IReadOnlyList<ReportTimelineEntry> Timeline)>? aside = context.Pseudonyms is null
            ? Task.Run(() =>
            {
                IkeReport ike = IkeSection.Build(context);
                return (ike, TimelineSection.Build(context, ike));
            })
            : null;
        (IReadOnlyList<ReportInput> inputs, IReadOnlyList<ReportWarning> unplaced) = InputsSection.Build(context);
        IReadOnlyList<ReportFinding> findings = FindingsSection.Build(context);
        IReadOnlyList<ReportAttempt> attempts = AttemptsSection.Build(context);
        // The rules' verdict first; then what the attempts add (IPsec up with its inside unseen, a failed
        // attempt no rule explains, an attempt stopped at an exchange only keys can read, inputs with no VPN evidence at all); the snapshot-length and incomplete-file caveats last, so they qualify whichever verdict stands.
        ReportVerdict verdict = FindingsSection.Verdict(findings);
        verdict = InsideTunnelVerdict.Applies(@case.Attempts) ? InsideTunnelVerdict.Extend(verdict) : verdict;
        verdict = FailedAttemptVerdict.Guard(verdict, attempts, findings);
        verdict = UndecidedAttemptVerdict.Guard(verdict, attempts, @case.Attempts);
        verdict = NoVpnEvidenceVerdict.Qualify(verdict, context);
        verdict = FindingsSection.WithSnapLengthBlindness(verdict, FindingsSection.SnapLengthBlindness(context));
        verdict = IncompleteCaptureVerdict.Qualify(verdict, context);
        // In the document's order (rule errors, then IKE), as before: with --redact that order hands out the pseudonyms.
        IReadOnlyList<string> ruleErrors = context.Values.Texts(diagnosis.RuleErrors);
        IkeReport ike = aside is null ? IkeSection.Build(context) : aside.GetAwaiter().GetResult().Ike;
        var document = new ReportDocument
        {
            Tool = new ReportTool(options.ToolName, options.ToolVersion),
            GeneratedAt = Analyzer.Core.Timestamp.FromDateTime(options.GeneratedAt.UtcDateTime, 0).ToIso8601(),
            Redacted = options.Redact,
            Verdict = verdict,
            Inputs = inputs,
            Warnings = unplaced,
            Attempts = attempts,
            Findings = findings,
            RuleErrors = ruleErrors,
            Ike = ike,
            Esp = EspSection.Build(context),
            L2tp = L2tpSection.Build(context),
            Pptp = PptpSection.Build(context),
            Events = EventsSection.Build(context),
            Timeline = aside is null ? TimelineSection.Build(context, ike) : aside.GetAwaiter().GetResult().Timeline,
            Paths = PathsSection.Build(context),
        };

        // Last, so the check knows every original the sections replaced.
        return context.Pseudonyms is Pseudonymiser pseudonyms ? document with { LeakCheck = pseudonyms.LeakCheck() } : document;
    }
}
