using Analyzer.EventLogs;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// What the attempt's log records say about its stages (<see cref="LogStageSignals"/>). A log that
/// says a stage passed outweighs a capture that stops early; a log failure decides a stage the
/// captures leave open.
/// </summary>
internal static class LogStageJudge
{
    public static void Judge(ConnectionAttempt attempt)
    {
        AttemptStage? furthest = null;   // the furthest stage a log line of this attempt says passed so far
        foreach (EventRecord record in attempt.Records)
        {
            if (record.Normalized is not NormalizedEvent normalized || !LogStageSignals.TryGet(normalized, record, out AttemptStage stage, out StageOutcome outcome))
            {
                continue;
            }

            if (outcome == StageOutcome.Passed && (furthest is null || stage > furthest))
            {
                furthest = stage;
            }
            else if (outcome == StageOutcome.Failed && normalized.Signal == DaemonSignal.GiveUp && furthest is AttemptStage reached && stage <= reached)
            {
                // charon's "giving up after N retransmits" names no message: after stages passed, the
                // unanswered one is the next (Main Mode 5 after 1-4 passed is authentication).
                stage = reached + 1;
            }

            StageVerdict verdict = attempt[stage];
            bool open = verdict.Outcome is StageOutcome.Unknown or StageOutcome.NotReached;
            bool captureStoppedEarly = verdict.Outcome == StageOutcome.Failed && outcome == StageOutcome.Passed && !verdict.Refused;
            if (open || captureStoppedEarly || verdict.Outcome == outcome)
            {
                verdict.Evidence.Add(new AttemptEvidence(EvidenceKind.Observed, $"log: {normalized.Kind}" + (normalized.FailureReason is string reason ? $" ({reason})" : ""), Record: record));
                if (verdict.Outcome != outcome)
                {
                    verdict.Outcome = outcome;
                    attempt.Reconciliation.LogDecided = true;
                }
            }
        }
    }
}
