using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// An ID payload: IKEv1 (RFC 2407 §4.6.2: type, protocol, port, data) or IKEv2 (RFC 7296 §3.5:
/// type, 3 reserved bytes, data). <see cref="Value"/> is the data as text, raw (escaped only when rendered),
/// cut at the string limit (<see cref="ValueCut"/>). <see cref="IdType"/> stays a number: the same one names
/// different types in IKEv1 and IKEv2, and <c>IdentificationTypes.Name</c> spells it only in a report.
/// </summary>
public sealed record IdentificationPayload(byte IdType, byte Protocol, ushort Port, string Value)
{
    private const int FixedLength = 4;

    /// <summary>The data was longer than the string limit: <see cref="Value"/> is its cut and marked start.</summary>
    public bool ValueCut { get; init; }

    public static bool TryRead(ReadOnlySpan<byte> body, bool v2, int baseOffset, int maxStringLength, out IdentificationPayload? id, out ParseError error)
    {
        id = null;
        error = default;
        if (body.Length < FixedLength)
        {
            error = ParseError.Truncated(baseOffset, FixedLength, body.Length);
            return false;
        }

        byte type = body[0];
        byte protocol = v2 ? (byte)0 : body[1];
        ushort port = v2 ? (ushort)0 : BinaryPrimitives.ReadUInt16BigEndian(body[2..]);
        string value = Describe(type, body[FixedLength..], maxStringLength, out bool cut);
        id = new IdentificationPayload(type, protocol, port, value) { ValueCut = cut };
        return true;
    }

    /// <summary>"192.0.2.10 udp/1701" style, the way the model's traffic selectors are shown.</summary>
    public string Display => Protocol == 0 && Port == 0
        ? Value
        : string.Create(CultureInfo.InvariantCulture, $"{Value} {ProtocolName(Protocol)}/{(Port == 0 ? "any" : Port.ToString(CultureInfo.InvariantCulture))}");

    private static string ProtocolName(byte protocol) => protocol switch
    {
        0 => "any",
        6 => "tcp",
        17 => "udp",
        47 => "gre",
        50 => "esp",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    private static string Describe(byte type, ReadOnlySpan<byte> data, int maxStringLength, out bool cut)
    {
        cut = false;
        switch (type)
        {
            case IdentificationTypes.Ipv4Address when data.Length == 4:
                return NetAddress.FromV4(data).ToString();
            case IdentificationTypes.Ipv6Address when data.Length == 16:
                return NetAddress.FromV6(data).ToString();
            case IdentificationTypes.Ipv4Subnet when data.Length == 8:
                return NetAddress.FromV4(data).ToString() + "/" + NetAddress.FromV4(data[4..]).ToString();
            case IdentificationTypes.Ipv4Range when data.Length == 8:
                return NetAddress.FromV4(data).ToString() + "-" + NetAddress.FromV4(data[4..]).ToString();
            case IdentificationTypes.Ipv6Subnet when data.Length == 32:
                return NetAddress.FromV6(data).ToString() + "/" + NetAddress.FromV6(data[16..]).ToString();
            case IdentificationTypes.Ipv6Range when data.Length == 32:
                return NetAddress.FromV6(data).ToString() + "-" + NetAddress.FromV6(data[16..]).ToString();
            case IdentificationTypes.Fqdn:
            case IdentificationTypes.UserFqdn:
                return PeerText.Decode(data, maxStringLength, out cut);
            case IdentificationTypes.DerAsn1Dn:
                return PeerText.Cut(DistinguishedName(data) ?? Convert.ToHexStringLower(data), maxStringLength, out cut);
            default:
                return PeerText.Cut(Convert.ToHexStringLower(data), maxStringLength, out cut);
        }
    }

    /// <summary>A DER distinguished name as text, or null when it does not decode.</summary>
    public static string? DistinguishedName(ReadOnlySpan<byte> der)
    {
        if (der.IsEmpty)
        {
            return null;
        }

        try
        {
            return new X500DistinguishedName(der).Name;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
