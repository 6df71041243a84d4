namespace Analyzer.Correlation.Attempts;

/// <summary>What the evidence says about one stage of an attempt.</summary>
public enum StageOutcome : byte
{
    /// <summary>An earlier stage failed or never finished: this one never started.</summary>
    NotReached,
    Passed,
    Failed,
    /// <summary>The evidence cannot tell (encrypted, or not captured where it happened).</summary>
    Unknown,
}
