using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// An IKEv2 Configuration payload (RFC 7296 §3.15): CFG type (1 request, 2 reply, 3 set, 4 ack)
/// and its attributes; what matters for a client's virtual address is whether an
/// INTERNAL_IP4_ADDRESS (1) or INTERNAL_IP6_ADDRESS (8) attribute came back with a value.
/// </summary>
public sealed record ConfigurationPayload(byte CfgType, IReadOnlyList<ConfigurationAttribute> Attributes)
{
    public const byte CfgRequest = 1;
    public const byte CfgReply = 2;
    public const ushort InternalIp4Address = 1;
    public const ushort InternalIp4Dns = 3;
    public const ushort InternalIp6Address = 8;

    private const int FixedLength = 4;           // CFG type, 3 reserved
    private const int AttributeHeaderLength = 4; // R + type (15 bits), length

    /// <summary>The attribute list is bounded by the payload; more than this many is hostile, not a configuration.</summary>
    private const int MaxAttributes = 256;

    public static bool TryRead(ReadOnlySpan<byte> body, int baseOffset, out ConfigurationPayload? configuration, out ParseError error)
    {
        configuration = null;
        error = default;
        if (body.Length < FixedLength)
        {
            error = ParseError.Truncated(baseOffset, FixedLength, body.Length);
            return false;
        }

        var attributes = new List<ConfigurationAttribute>();
        int offset = FixedLength;
        while (offset < body.Length && attributes.Count < MaxAttributes)
        {
            if (body.Length - offset < AttributeHeaderLength)
            {
                error = ParseError.Truncated(baseOffset + offset, AttributeHeaderLength, body.Length - offset);
                break;
            }

            ushort type = (ushort)(BinaryPrimitives.ReadUInt16BigEndian(body[offset..]) & 0x7FFF);
            ushort length = BinaryPrimitives.ReadUInt16BigEndian(body[(offset + 2)..]);
            if (length > body.Length - offset - AttributeHeaderLength)
            {
                error = ParseError.BadLength(baseOffset + offset + 2, length, body.Length - offset - AttributeHeaderLength);
                break;
            }

            attributes.Add(new ConfigurationAttribute(type, body.Slice(offset + AttributeHeaderLength, length).ToArray()));
            offset += AttributeHeaderLength + length;
        }

        configuration = new ConfigurationPayload(body[0], attributes);
        return !error.IsError;
    }

    /// <summary>The first INTERNAL_IP4/IP6_ADDRESS attribute with a value, as an address; null when none.</summary>
    public NetAddress? AssignedAddress
    {
        get
        {
            foreach (ConfigurationAttribute attribute in Attributes)
            {
                if (attribute.Type == InternalIp4Address && attribute.Value.Length >= 4)
                {
                    return NetAddress.FromV4(attribute.Value.AsSpan(0, 4));
                }

                if (attribute.Type == InternalIp6Address && attribute.Value.Length >= 16)
                {
                    return NetAddress.FromV6(attribute.Value.AsSpan(0, 16));
                }
            }

            return null;
        }
    }

    /// <summary>An address attribute is present (empty in a request: "give me an address").</summary>
    public bool AsksForAddress => Attributes.Any(a => a.Type is InternalIp4Address or InternalIp6Address);
}

/// <summary>One configuration attribute (RFC 7296 §3.15.1): type and value as sent.</summary>
public sealed record ConfigurationAttribute(ushort Type, byte[] Value);
