using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>One proposal's transform as offered or chosen, attributes named (RFC 2409 appendix A, RFC 2407 §4.5).</summary>
public sealed record IkeProposal(
    int ProposalNumber,
    int TransformNumber,
    string Protocol,
    string? Encryption,
    int? KeyLength,
    string? Hash,
    string? Authentication,
    string? DhGroup,
    string? Prf,
    long? LifetimeSeconds,
    string? EncapsulationMode)
{
    /// <summary>Every attribute as (name, value), for the report.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Attributes { get; init; } = [];

    /// <summary>
    /// Every algorithm this transform (IKEv1) or proposal (IKEv2, all transforms of each type) names,
    /// as registry values: encryption, hash or integrity, PRF, DH group, authentication method.
    /// </summary>
    public IReadOnlyList<TransformValue> Algorithms { get; init; } = [];

    /// <summary>The Phase 2 Encapsulation Mode attribute's number (<see cref="EncapsulationModes"/>); <see cref="EncapsulationMode"/> is its name.</summary>
    public int? EncapsulationModeId { get; init; }

    /// <summary>The algorithms RFC 8247 says SHOULD NOT or MUST NOT be used, in the order named.</summary>
    public IEnumerable<TransformValue> WeakAlgorithms => Algorithms.Where(a => a.IsWeak);

    /// <summary>
    /// The name this proposal shows for one of its <see cref="Algorithms"/> (its Encryption, Hash, PRF,
    /// group or method field), so a finding names an algorithm exactly as the offer line does.
    /// </summary>
    public string NameOf(TransformValue value)
    {
        string? shown = value.Registry switch
        {
            TransformRegistry.V1Encryption or TransformRegistry.V1EspTransform or TransformRegistry.V1AhTransform
                or TransformRegistry.V1IpcompTransform or TransformRegistry.V1IsakmpTransform or TransformRegistry.V2Encryption => Encryption,
            TransformRegistry.V1Hash or TransformRegistry.V1Phase2Authentication or TransformRegistry.V2Integrity => Hash ?? Prf,
            TransformRegistry.V2Prf => Prf,
            TransformRegistry.DhGroup => DhGroup,
            TransformRegistry.V1AuthenticationMethod => Authentication,
            _ => null,
        };
        return shown ?? value.Name;
    }

    /// <summary>"3DES-CBC/SHA1/PSK/modp1024" style one-liner.</summary>
    public string Summary =>
        string.Join('/', new[] { Encryption is null ? null : KeyLength is int k ? $"{Encryption}-{k}" : Encryption, Hash ?? Prf, Authentication, DhGroup, EncapsulationMode }
            .Where(part => part is not null));
}
