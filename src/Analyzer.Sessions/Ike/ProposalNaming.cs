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
                { Attributes = attributes };
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
                { Attributes = attributes };
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
        foreach (SaTransform transform in proposal.Transforms)
        {
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
        { Attributes = attributes };
    }

    /// <summary>Algorithms RFC 8247 deprecates, as named in the proposal: DES, MD5, DH groups 1/2.</summary>
    public static IEnumerable<string> WeakParts(IkeProposal proposal)
    {
        if (proposal.Encryption is string encryption && (encryption.StartsWith("DES", StringComparison.Ordinal) || encryption is "NULL"))
        {
            yield return encryption;
        }

        if (proposal.Hash is string hash && hash.Contains("MD5", StringComparison.Ordinal))
        {
            yield return hash;
        }

        if (proposal.Prf is string prf && prf.Contains("MD5", StringComparison.Ordinal))
        {
            yield return prf;
        }

        if (proposal.DhGroup is "modp768" or "modp1024" or "ec2n155" or "ec2n185" or "modp1024s160")
        {
            yield return proposal.DhGroup;
        }
    }

    private static string? Named(long? value, NameTable table) => value is long number ? table.Name((int)number) : null;
}
