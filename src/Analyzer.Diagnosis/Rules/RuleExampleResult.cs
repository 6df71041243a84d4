namespace Analyzer.Diagnosis.Rules;

public enum RuleExampleOutcome : byte
{
    Passed,
    Failed,
    /// <summary>The example's input does not exist.</summary>
    Missing,
    /// <summary>The analysis of the input failed.</summary>
    Error,
}

/// <summary>One rule's verdict on one example input: must fire / must not fire, and what happened.</summary>
public sealed record RuleExampleResult(string RuleId, string Example, bool MustFire, RuleExampleOutcome Outcome, string Message)
{
    public bool Passed => Outcome == RuleExampleOutcome.Passed;
}
