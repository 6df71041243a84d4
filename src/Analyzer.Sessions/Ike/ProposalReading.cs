using Analyzer.Protocols.Ike.Payloads;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>Turns decoded proposals into the model's typed <see cref="IkeProposal"/> records.</summary>
internal static class ProposalReading
{
    private const int LifeTypeSeconds = 1;

    /// <summary>IKEv1: one record per transform (each transform is a complete alternative, RFC 2408 §3.6).</summary>
    public static IEnumerable<IkeProposal> FromV1(SaProposal proposal)
    {
        bool phase1 = proposal.ProtocolId == ProtocolIds.Isakmp;
        foreach (SaTransform transform in proposal.Transforms)
        {
            var attributes = new List<ProposalAttribute>(transform.Attributes.Count);
            long? lifeType = null;
            long? lifetime = null;
            foreach (SaAttribute attribute in transform.Attributes)
            {
                attributes.Add(attribute.Value is long number ? new ProposalAttribute(attribute.Type, number) : new ProposalAttribute(attribute.Type, null, attribute.Raw ?? []));
                if (attribute.Type == (phase1 ? Ikev1AttributeNames.Phase1LifeType : Ikev1AttributeNames.Phase2LifeType))
                {
                    lifeType = attribute.Value;
                }
                else if (attribute.Type == (phase1 ? Ikev1AttributeNames.Phase1LifeDuration : Ikev1AttributeNames.Phase2LifeDuration))
                {
                    lifetime = attribute.Value;
                }
            }

            long? seconds = lifeType is null or LifeTypeSeconds ? lifetime : null;
            var protocol = (SecurityProtocol)proposal.ProtocolId;
            if (phase1)
            {
                yield return new IkeProposal(proposal.Number, transform.Number, protocol, false,
                    (int?)transform.Attribute(Ikev1AttributeNames.Phase1KeyLength), seconds)
                {
                    Attributes = attributes,
                    Algorithms = Values(transform,
                        (Ikev1AttributeNames.Phase1Encryption, TransformRegistry.V1Encryption),
                        (Ikev1AttributeNames.Phase1Hash, TransformRegistry.V1Hash),
                        (Ikev1AttributeNames.Phase1Prf, TransformRegistry.V1Hash),
                        (Ikev1AttributeNames.Phase1GroupDescription, TransformRegistry.DhGroup),
                        (Ikev1AttributeNames.Phase1AuthenticationMethod, TransformRegistry.V1AuthenticationMethod)),
                };
            }
            else
            {
                yield return new IkeProposal(proposal.Number, transform.Number, protocol, false,
                    (int?)transform.Attribute(Ikev1AttributeNames.Phase2KeyLength), seconds)
                {
                    Attributes = attributes,
                    Algorithms = Phase2Values(proposal.ProtocolId, transform),
                    EncapsulationModeId = transform.Attribute(Ikev1AttributeNames.Phase2EncapsulationMode) is long mode and >= 0 and <= int.MaxValue ? (int)mode : null,
                };
            }
        }
    }

    /// <summary>IKEv2: one record per proposal (RFC 7296 §3.3: transforms of one proposal combine).</summary>
    public static IkeProposal FromV2(SaProposal proposal)
    {
        int? keyLength = null;
        bool cipherSeen = false;
        var attributes = new List<ProposalAttribute>(proposal.Transforms.Count);
        var algorithms = new List<TransformValue>(proposal.Transforms.Count);
        foreach (SaTransform transform in proposal.Transforms)
        {
            if (V2Registry(transform.TransformType) is TransformRegistry registry)
            {
                algorithms.Add(new TransformValue(registry, transform.TransformId));
            }

            long? length = transform.Attribute(Ikev2TransformNames.KeyLengthAttribute);
            attributes.Add(new ProposalAttribute(transform.TransformType, transform.TransformId, null, (int?)length));
            if (transform.TransformType == Ikev2TransformNames.Encryption && !cipherSeen)
            {
                cipherSeen = true;
                keyLength = (int?)length;
            }
        }

        return new IkeProposal(proposal.Number, 0, (SecurityProtocol)proposal.ProtocolId, true, keyLength, null)
        { Attributes = attributes, Algorithms = algorithms };
    }

    private static TransformRegistry? V2Registry(byte type) => type switch
    {
        Ikev2TransformNames.Encryption => TransformRegistry.V2Encryption,
        Ikev2TransformNames.PseudoRandomFunction => TransformRegistry.V2Prf,
        Ikev2TransformNames.Integrity => TransformRegistry.V2Integrity,
        Ikev2TransformNames.DiffieHellman => TransformRegistry.DhGroup,
        _ => null,
    };

    private static List<TransformValue> Values(SaTransform transform, params (ushort Attribute, TransformRegistry Registry)[] attributes)
    {
        var values = new List<TransformValue>(attributes.Length);
        foreach ((ushort attribute, TransformRegistry registry) in attributes)
        {
            if (transform.Attribute(attribute) is long number && number is >= 0 and <= int.MaxValue)
            {
                values.Add(new TransformValue(registry, (int)number));
            }
        }

        return values;
    }

    private static List<TransformValue> Phase2Values(byte protocolId, SaTransform transform)
    {
        List<TransformValue> values = Values(transform,
            (Ikev1AttributeNames.Phase2AuthenticationAlgorithm, TransformRegistry.V1Phase2Authentication),
            (Ikev1AttributeNames.Phase2GroupDescription, TransformRegistry.DhGroup));
        if (TransformNames.V1TransformRegistry(protocolId) is TransformRegistry registry)
        {
            values.Insert(0, new TransformValue(registry, transform.TransformId));
        }

        return values;
    }
}
