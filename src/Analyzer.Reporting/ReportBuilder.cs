using Analyzer.Correlation;
using Analyzer.Diagnosis;
using Analyzer.Reporting.Building;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Redaction;

namespace Analyzer.Reporting;

/// <summary>
/// Turns a case and its diagnosis into the report document. Each section has its own builder in
/// Building/ (a new section = one builder class and one line here). With
/// <see cref="ReportOptions.Redact"/> the pseudonyms are applied here, once, so every format
/// rendered from the document carries the same ones.
/// </summary>
public static class ReportBuilder
{
    public static ReportDocument Build(Case @case, DiagnosisResult diagnosis, ReportOptions options)
    {
        var context = new BuildContext(@case, diagnosis, options);
        (IReadOnlyList<ReportInput> inputs, IReadOnlyList<ReportWarning> unplaced) = InputsSection.Build(context);
        IReadOnlyList<ReportFinding> findings = FindingsSection.Build(context);
        var document = new ReportDocument
        {
            Tool = new ReportTool(options.ToolName, options.ToolVersion),
            GeneratedAt = Analyzer.Core.Timestamp.FromDateTime(options.GeneratedAt.UtcDateTime, 0).ToIso8601(),
            Verdict = FindingsSection.Verdict(findings),
            Inputs = inputs,
            Warnings = unplaced,
            Attempts = AttemptsSection.Build(context),
            Findings = findings,
            RuleErrors = [.. diagnosis.RuleErrors],
            Ike = IkeSection.Build(context),
            Esp = EspSection.Build(context),
            L2tp = L2tpSection.Build(context),
            Pptp = PptpSection.Build(context),
            Events = EventsSection.Build(context),
            Timeline = TimelineSection.Build(context),
            Paths = PathsSection.Build(context),
        };

        return options.Redact ? Redactor.Apply(document) : document;
    }
}
