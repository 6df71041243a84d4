using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// One proposal's transform as offered or chosen (IKEv1: one record per transform, RFC 2408 §3.6;
/// IKEv2: one per proposal, RFC 7296 §3.3), as typed registry values only. Names are looked up where
/// text is made (<see cref="ProposalText"/>).
/// </summary>
public sealed record IkeProposal(
    int ProposalNumber,
    int TransformNumber,
    SecurityProtocol Protocol,
    bool V2,
    int? KeyLength,
    long? LifetimeSeconds)
{
    /// <summary>Every attribute (IKEv1) or transform (IKEv2) as the wire carried it, for the report.</summary>
    public IReadOnlyList<ProposalAttribute> Attributes { get; init; } = [];

    /// <summary>
    /// Every algorithm this transform (IKEv1) or proposal (IKEv2, all transforms of each type) names,
    /// as registry values: encryption, hash or integrity, PRF, DH group, authentication method.
    /// </summary>
    public IReadOnlyList<TransformValue> Algorithms { get; init; } = [];

    /// <summary>The Phase 2 Encapsulation Mode attribute's number (<see cref="EncapsulationModes"/>).</summary>
    public int? EncapsulationModeId { get; init; }

    /// <summary>The first encryption algorithm (Phase 1 attribute, ESP/AH transform ID, or IKEv2 type 1).</summary>
    public TransformValue? Encryption => First(TransformRegistry.V1Encryption, TransformRegistry.V1EspTransform, TransformRegistry.V1AhTransform,
        TransformRegistry.V1IpcompTransform, TransformRegistry.V1IsakmpTransform, TransformRegistry.V2Encryption);

    /// <summary>The first hash (IKEv1 Phase 1), Phase 2 authentication algorithm or IKEv2 integrity algorithm.</summary>
    public TransformValue? Integrity => First(TransformRegistry.V1Hash, TransformRegistry.V1Phase2Authentication, TransformRegistry.V2Integrity);

    /// <summary>The IKEv2 PRF, or IKEv1's PRF attribute (rarely sent).</summary>
    public TransformValue? Prf => Algorithms.Count > 0 && V2 ? First(TransformRegistry.V2Prf) : SecondOf(TransformRegistry.V1Hash);

    public TransformValue? DhGroup => First(TransformRegistry.DhGroup);

    /// <summary>IKEv1 Phase 1's Authentication Method attribute.</summary>
    public TransformValue? AuthenticationMethod => First(TransformRegistry.V1AuthenticationMethod);

    /// <summary>Every algorithm judged by the RFC for <see cref="Protocol"/> (RFC 8247 for IKE, RFC 8221 for ESP and AH).</summary>
    public List<JudgedAlgorithm> Judged => AlgorithmRequirements.Judge(Algorithms, Protocol);

    /// <summary>The algorithms the RFC says SHOULD NOT or MUST NOT be used, in the order named.</summary>
    public IEnumerable<JudgedAlgorithm> WeakAlgorithms => Judged.Where(a => a.IsWeak);

    private TransformValue? First(params ReadOnlySpan<TransformRegistry> registries)
    {
        foreach (TransformValue value in Algorithms)
        {
            if (registries.Contains(value.Registry))
            {
                return value;
            }
        }

        return null;
    }

    // IKEv1 Phase 1 lists its Hash before its PRF attribute, both from the hash registry.
    private TransformValue? SecondOf(TransformRegistry registry)
    {
        bool seen = false;
        foreach (TransformValue value in Algorithms)
        {
            if (value.Registry == registry)
            {
                if (seen)
                {
                    return value;
                }

                seen = true;
            }
        }

        return null;
    }
}
