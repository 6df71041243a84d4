using Analyzer.Core;
using Analyzer.Reporting.Document;
using Analyzer.Sessions;

namespace Analyzer.Reporting.Building;

/// <summary>Inputs with their packet or record counts and reading problems; problems naming no input go apart.</summary>
internal static class InputsSection
{
    public static (IReadOnlyList<ReportInput> Inputs, IReadOnlyList<ReportWarning> Unplaced) Build(BuildContext context)
    {
        var diagnostics = new List<InputDiagnostic>();
        var seen = new HashSet<InputDiagnostic>();
        foreach (CaptureModel capture in context.Case.Captures)
        {
            AddAll(capture.Diagnostics);
        }

        AddAll(context.Case.Diagnostics);

        var recordCounts = new Dictionary<int, long>();
        foreach (EventLogs.EventRecord record in context.Case.Events)
        {
            recordCounts[record.InputIndex] = recordCounts.GetValueOrDefault(record.InputIndex) + 1;
        }

        var placed = new bool[diagnostics.Count];
        var inputs = new List<ReportInput>(context.Case.Inputs.Count);
        foreach (AnalysisInput input in context.Case.Inputs)
        {
            CaptureModel? capture = context.Case.Captures.Find(c => c.Input.Index == input.Index);
            var warnings = new List<ReportWarning>();
            for (int i = 0; i < diagnostics.Count; i++)
            {
                InputDiagnostic diagnostic = diagnostics[i];
                if (!placed[i] && (diagnostic.Input == input.Path || diagnostic.Input == input.DisplayName))
                {
                    placed[i] = true;
                    warnings.Add(ToWarning(context, diagnostic));
                }
            }

            if (context.Case.LoneCaptureVantage is { } vantage && vantage.InputIndex == input.Index)
            {
                // With one capture, from where it was taken decides what its silence means: said first.
                warnings.Insert(0, new ReportWarning(ReportNames.Severity(DiagnosticSeverity.Info), null, null,
                    context.Values.Text("vantage point: " + vantage.Reason)));
            }

            bool isCapture = capture is not null || input.Kind is InputKind.Pcap or InputKind.Pcapng;
            inputs.Add(new ReportInput
            {
                Path = context.InputName(input.Index),
                Kind = ReportNames.Kebab(input.Kind),
                Packets = isCapture ? capture?.Statistics.Frames ?? 0 : null,
                Records = isCapture ? null : recordCounts.GetValueOrDefault(input.Index),
                Warnings = warnings,
            });
        }

        var unplaced = new List<ReportWarning>();
        for (int i = 0; i < diagnostics.Count; i++)
        {
            if (!placed[i])
            {
                unplaced.Add(ToWarning(context, diagnostics[i]) with { Message = context.Values.Text(diagnostics[i].Input + ": " + diagnostics[i].Message) });
            }
        }

        return (inputs, unplaced);

        void AddAll(IEnumerable<InputDiagnostic> source)
        {
            foreach (InputDiagnostic diagnostic in source)
            {
                if (seen.Add(diagnostic))
                {
                    diagnostics.Add(diagnostic);
                }
            }
        }
    }

    private static ReportWarning ToWarning(BuildContext context, InputDiagnostic diagnostic) =>
        new(ReportNames.Severity(diagnostic.Severity), diagnostic.Offset, diagnostic.Frame, context.Values.Text(diagnostic.Message));
}
