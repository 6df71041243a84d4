namespace Analyzer.Diagnosis.Rules;

public enum RuleExampleOutcome : byte
{
    Passed,
    Failed,
    /// <summary>The example's input does not exist.</summary>
    Missing,
    /// <summary>The analysis of the input failed.</summary>
    Error,
    /// <summary>
    /// The example's input lies in the public sample folder (<c>../shared</c> beside the repository,
    /// data fetched from elsewhere that the project never ships) and that folder is absent: nothing
    /// can be said about the example, which is neither a pass nor a missing fixture.
    /// </summary>
    Unavailable,
}

/// <summary>One rule's verdict on one example input: must fire / must not fire, and what happened.</summary>
public sealed record RuleExampleResult(string RuleId, string Example, bool MustFire, RuleExampleOutcome Outcome, string Message)
{
    public bool Passed => Outcome == RuleExampleOutcome.Passed;
}
