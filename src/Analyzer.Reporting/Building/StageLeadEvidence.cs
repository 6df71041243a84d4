using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>
/// A verdict sentence's pointer into an attempt: the first evidence of one of its stages with the
/// frame or record it was seen in (": text (input frame N)"), or nothing when the stage has none.
/// </summary>
internal static class StageLeadEvidence
{
    public static string Of(ReportAttempt attempt, string? stage)
    {
        ReportAttemptStage? shown = attempt.Stages.FirstOrDefault(s => s.Stage == stage);
        return shown is { Evidence.Count: > 0 } && shown.Evidence[0] is ReportEvidence e
            ? ": " + e.Text + (e.Frame is long frame ? $" ({e.Input} frame {frame})" : e.Record is long record ? $" ({e.Input} record {record})" : "")
            : "";
    }
}
