namespace Analyzer.Correlation.Attempts;

/// <summary>One stage of one attempt: its outcome and what shows it.</summary>
public sealed class StageVerdict
{
    public StageVerdict(AttemptStage stage) => Stage = stage;

    public AttemptStage Stage { get; }

    public StageOutcome Outcome { get; set; } = StageOutcome.NotReached;

    public List<AttemptEvidence> Evidence { get; } = [];
}
