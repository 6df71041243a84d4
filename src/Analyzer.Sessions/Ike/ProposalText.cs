using System.Globalization;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// The one place a proposal's typed values become text, by registry lookup: the report's proposal
/// tables and the facts' offer lines ("3DES-CBC/SHA/Pre-Shared Key/Alternate 1024-bit MODP group").
/// </summary>
public static class ProposalText
{
    /// <summary>"ISAKMP", "IPSEC_ESP" (IKEv1) or "IKE", "ESP" (IKEv2).</summary>
    public static string Protocol(IkeProposal proposal) => ProtocolIds.Name((byte)proposal.Protocol, proposal.V2);

    public static string? Encryption(IkeProposal proposal) => proposal.Encryption?.Name;

    public static string? Hash(IkeProposal proposal) => proposal.Integrity?.Name;

    public static string? Prf(IkeProposal proposal) => proposal.Prf?.Name;

    public static string? DhGroup(IkeProposal proposal) => proposal.DhGroup?.Name;

    public static string? Authentication(IkeProposal proposal) => proposal.AuthenticationMethod?.Name;

    /// <summary>"Tunnel", "UDP-Encapsulated-Transport" ... (RFC 2407 §4.5, RFC 3947 §5.2).</summary>
    public static string? EncapsulationMode(IkeProposal proposal) =>
        proposal.EncapsulationModeId is int mode ? Ikev1AttributeNames.EncapsulationModes.Name(mode) : null;

    /// <summary>"3DES-CBC/SHA1/PSK/modp1024" style one-liner.</summary>
    public static string Summary(IkeProposal proposal)
    {
        string? encryption = Encryption(proposal);
        string? cipher = encryption is null ? null : proposal.KeyLength is int bits ? $"{encryption}-{bits.ToString(CultureInfo.InvariantCulture)}" : encryption;
        return string.Join('/', new[] { cipher, Hash(proposal) ?? Prf(proposal), Authentication(proposal), DhGroup(proposal), EncapsulationMode(proposal) }
            .Where(part => part is not null));
    }

    /// <summary>One attribute as (name, value), as the registries name it.</summary>
    public static KeyValuePair<string, string> Attribute(IkeProposal proposal, ProposalAttribute attribute)
    {
        if (proposal.V2)
        {
            byte type = (byte)attribute.Type;
            string name = Ikev2TransformNames.IdName(type, (int)(attribute.Value ?? 0));
            return new(Ikev2TransformNames.Types.Name(type),
                attribute.KeyLength is int bits ? name + "_" + bits.ToString(CultureInfo.InvariantCulture) : name);
        }

        bool phase1 = proposal.Protocol == SecurityProtocol.Ike;
        ushort attributeType = (ushort)attribute.Type;
        string value = attribute.Value is long number
            ? Ikev1AttributeNames.ValueName(phase1, attributeType, number) ?? number.ToString(CultureInfo.InvariantCulture)
            : Convert.ToHexStringLower(attribute.Raw ?? []);
        return new(Ikev1AttributeNames.TypeName(phase1, attributeType), value);
    }
}
