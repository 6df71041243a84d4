using System.Globalization;
using Analyzer.Sessions;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// A capture taken with a small snapshot length (tcpdump -s 96) holds IKE headers but not their
/// payloads: a proposal, a notify or an ID past the cut is missing evidence, not a failure. Each IKE
/// stage such a capture leaves open says so, naming the capture, its snapshot length and the first
/// cut message, so the stage reads "unknown because the payloads were cut" rather than "nothing shows it".
/// </summary>
internal static class SnapLengthBlindness
{
    public static void Mark(ConnectionAttempt attempt, IReadOnlyList<CaptureModel> captures)
    {
        foreach (AttemptView view in attempt.Views)
        {
            CaptureModel? capture = captures.FirstOrDefault(c => c.Input.Index == view.InputIndex);
            if (capture is null || capture.Statistics.IkeMessagesCut == 0)
            {
                continue;
            }

            CaptureStatistics s = capture.Statistics;
            var evidence = new AttemptEvidence(EvidenceKind.Observed, string.Create(CultureInfo.InvariantCulture,
                $"{capture.Input.DisplayName} was taken with snaplen {s.SnapLength}: its IKE payloads are cut ({s.IkeMessagesCut} message(s), first at frame {s.FirstIkeMessageCut}), so what decides this stage was not captured; capture again with tcpdump -s 0"));
            foreach (StageVerdict stage in attempt.Stages)
            {
                if (stage.Stage <= AttemptStage.Phase2 && stage.Outcome == StageOutcome.Unknown)
                {
                    stage.Evidence.Insert(0, evidence);
                }
            }
        }
    }
}
