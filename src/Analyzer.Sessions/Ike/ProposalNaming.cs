using Analyzer.Protocols.Ike.Payloads;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>Turns decoded proposals into the model's named <see cref="IkeProposal"/> records.</summary>
internal static class ProposalNaming
{
    private const int LifeTypeSeconds = 1;

    /// <summary>IKEv1: one record per transform (each transform is a complete alternative, RFC 2408 §3.6).</summary>
    public static IEnumerable<IkeProposal> FromV1(SaProposal proposal)
    {
        bool phase1 = proposal.ProtocolId == ProtocolIds.Isakmp;
        foreach (SaTransform transform in proposal.Transforms)
        {
            var attributes = new List<KeyValuePair<string, string>>(transform.Attributes.Count);
            long? lifeType = null;
            long? lifetime = null;
            foreach (SaAttribute attribute in transform.Attributes)
            {
                string name = Ikev1AttributeNames.TypeName(phase1, attribute.Type);
                string value = attribute.Value is long number
                    ? Ikev1AttributeNames.ValueName(phase1, attribute.Type, number) ?? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : Convert.ToHexStringLower(attribute.Raw ?? []);
                attributes.Add(new(name, value));
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
            if (phase1)
            {
                yield return new IkeProposal(
                    proposal.Number,
                    transform.Number,
                    ProtocolIds.V1.Name(proposal.ProtocolId),
                    Named(transform.Attribute(Ikev1AttributeNames.Phase1Encryption), Ikev1AttributeNames.Phase1Encryptions),
                    (int?)transform.Attribute(Ikev1AttributeNames.Phase1KeyLength),
                    Named(transform.Attribute(Ikev1AttributeNames.Phase1Hash), Ikev1AttributeNames.Phase1Hashes),
                    Named(transform.Attribute(Ikev1AttributeNames.Phase1AuthenticationMethod), Ikev1AttributeNames.AuthenticationMethods),
                    Named(transform.Attribute(Ikev1AttributeNames.Phase1GroupDescription), DhGroups.Table),
                    Named(transform.Attribute(Ikev1AttributeNames.Phase1Prf), Ikev1AttributeNames.Phase1Hashes),
                    seconds,
                    null)
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
                yield return new IkeProposal(
                    proposal.Number,
                    transform.Number,
                    ProtocolIds.V1.Name(proposal.ProtocolId),
                    Ikev1TransformIds.Name(proposal.ProtocolId, transform.TransformId),
                    (int?)transform.Attribute(Ikev1AttributeNames.Phase2KeyLength),
                    Named(transform.Attribute(Ikev1AttributeNames.Phase2AuthenticationAlgorithm), Ikev1AttributeNames.Phase2AuthenticationAlgorithms),
                    null,
                    Named(transform.Attribute(Ikev1AttributeNames.Phase2GroupDescription), DhGroups.Table),
                    null,
                    seconds,
                    Named(transform.Attribute(Ikev1AttributeNames.Phase2EncapsulationMode), Ikev1AttributeNames.EncapsulationModes))
                {
                    Attributes = attributes,
                    Algorithms = Phase2Values(proposal.ProtocolId, transform),
                    EncapsulationModeId = transform.Attribute(Ikev1AttributeNames.Phase2EncapsulationMode) is long mode and >= 0 and <= int.MaxValue ? (int)mode : null,
                };
            }
        }
    }

    /// <summary>IKEv2: one record per proposal, the first transform of each type (RFC 7296 §3.3: transforms of one proposal combine).</summary>
    public static IkeProposal FromV2(SaProposal proposal)
    {
        string? encryption = null;
        int? keyLength = null;
        string? prf = null;
        string? integrity = null;
        string? group = null;
        var attributes = new List<KeyValuePair<string, string>>(proposal.Transforms.Count);
        var algorithms = new List<TransformValue>(proposal.Transforms.Count);
        foreach (SaTransform transform in proposal.Transforms)
        {
            if (V2Registry(transform.TransformType) is TransformRegistry registry)
            {
                algorithms.Add(new TransformValue(registry, transform.TransformId));
            }

            string name = Ikev2TransformNames.IdName(transform.TransformType, transform.TransformId);
            long? length = transform.Attribute(Ikev2TransformNames.KeyLengthAttribute);
            attributes.Add(new(Ikev2TransformNames.Types.Name(transform.TransformType), length is long bits ? name + "_" + bits.ToString(System.Globalization.CultureInfo.InvariantCulture) : name));
            switch (transform.TransformType)
            {
                case Ikev2TransformNames.Encryption when encryption is null:
                    encryption = name;
                    keyLength = (int?)length;
                    break;
                case Ikev2TransformNames.PseudoRandomFunction when prf is null:
                    prf = name;
                    break;
                case Ikev2TransformNames.Integrity when integrity is null:
                    integrity = name;
                    break;
                case Ikev2TransformNames.DiffieHellman when group is null:
                    group = name;
                    break;
            }
        }

        return new IkeProposal(proposal.Number, 0, ProtocolIds.V2.Name(proposal.ProtocolId), encryption, keyLength, integrity, null, group, prf, null, null)
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

    private static string? Named(long? value, NameTable table) => value is long number ? table.Name((int)number) : null;
}
