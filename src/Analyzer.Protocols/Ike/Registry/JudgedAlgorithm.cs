namespace Analyzer.Protocols.Ike.Registry;

/// <summary>One algorithm of a proposal with its requirement level and the RFC section that sets it.</summary>
public readonly record struct JudgedAlgorithm(TransformValue Value, AlgorithmRequirement Requirement, AlgorithmSource Source)
{
    /// <summary>The RFC says SHOULD NOT or MUST NOT use it.</summary>
    public bool IsWeak => Requirement is AlgorithmRequirement.ShouldNot or AlgorithmRequirement.MustNot;
}
