namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// One negotiated algorithm as the wire carried it: the registry and its number. The model keeps
/// this; the name (<see cref="TransformNames"/>) is looked up where text is made, and the strength
/// (<see cref="AlgorithmRequirements.Judge(TransformValue, SecurityProtocol)"/>) where it is judged, for
/// the protocol of the proposal that carries it (the same cipher is judged by RFC 8247 in an IKE SA and
/// by RFC 8221 in ESP).
/// </summary>
public readonly record struct TransformValue(TransformRegistry Registry, int Id)
{
    /// <summary>The registry's name for the number ("AES-CBC", "modp1024", "unknown (99)").</summary>
    public string Name => TransformNames.Name(this);

    public override string ToString() => Name;
}
