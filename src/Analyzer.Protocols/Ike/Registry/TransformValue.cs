namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// One negotiated algorithm as the wire carried it: the registry and its number. The model keeps
/// this; the name (<see cref="TransformNames"/>) is looked up where text is made, and the strength
/// (<see cref="AlgorithmRequirements"/>) where it is judged.
/// </summary>
public readonly record struct TransformValue(TransformRegistry Registry, int Id)
{
    /// <summary>The registry's name for the number ("AES-CBC", "modp1024", "unknown (99)").</summary>
    public string Name => TransformNames.Name(this);

    /// <summary>RFC 8247's requirement level for the algorithm.</summary>
    public AlgorithmRequirement Requirement => AlgorithmRequirements.Of(this);

    /// <summary>RFC 8247 says SHOULD NOT or MUST NOT use it.</summary>
    public bool IsWeak => Requirement is AlgorithmRequirement.ShouldNot or AlgorithmRequirement.MustNot;

    public override string ToString() => Name;
}
