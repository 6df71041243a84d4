using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// An IKEv2 TSi or TSr payload (RFC 7296 §3.13): a list of traffic selectors, each an address
/// range, an IP protocol (0 = any) and a port range. Types other than TS_IPV4_ADDR_RANGE (7) and
/// TS_IPV6_ADDR_RANGE (8) are kept by type only.
/// </summary>
public sealed record TrafficSelectorPayload(IReadOnlyList<TrafficSelector> Selectors)
{
    private const int FixedLength = 4;          // number of TSs, 3 reserved
    private const int SelectorHeaderLength = 8; // type, protocol, length, start port, end port
    private const byte TsIpv4AddressRange = 7;
    private const byte TsIpv6AddressRange = 8;

    public static bool TryRead(ReadOnlySpan<byte> body, int baseOffset, out TrafficSelectorPayload? payload, out ParseError error)
    {
        payload = null;
        error = default;
        if (body.Length < FixedLength)
        {
            error = ParseError.Truncated(baseOffset, FixedLength, body.Length);
            return false;
        }

        int count = body[0];
        var selectors = new List<TrafficSelector>(Math.Min(count, 16));
        int offset = FixedLength;
        for (int i = 0; i < count; i++)
        {
            if (body.Length - offset < SelectorHeaderLength)
            {
                error = ParseError.Truncated(baseOffset + offset, SelectorHeaderLength, body.Length - offset);
                break;
            }

            byte type = body[offset];
            ushort length = BinaryPrimitives.ReadUInt16BigEndian(body[(offset + 2)..]);
            if (length < SelectorHeaderLength || length > body.Length - offset)
            {
                error = ParseError.BadLength(baseOffset + offset + 2, length, body.Length - offset);
                break;
            }

            ReadOnlySpan<byte> selector = body.Slice(offset, length);
            int addressLength = type switch { TsIpv4AddressRange => 4, TsIpv6AddressRange => 16, _ => 0 };
            NetAddress? start = null;
            NetAddress? end = null;
            if (addressLength > 0 && selector.Length >= SelectorHeaderLength + (2 * addressLength))
            {
                ReadOnlySpan<byte> addresses = selector[SelectorHeaderLength..];
                start = addressLength == 4 ? NetAddress.FromV4(addresses[..4]) : NetAddress.FromV6(addresses[..16]);
                end = addressLength == 4 ? NetAddress.FromV4(addresses[4..8]) : NetAddress.FromV6(addresses[16..32]);
            }

            selectors.Add(new TrafficSelector(type, selector[1], BinaryPrimitives.ReadUInt16BigEndian(selector[4..]),
                BinaryPrimitives.ReadUInt16BigEndian(selector[6..]), start, end));
            offset += length;
        }

        payload = new TrafficSelectorPayload(selectors);
        return !error.IsError;
    }
}

/// <summary>One traffic selector: type, IP protocol (0 any), port range, address range (null for types not decoded).</summary>
public sealed record TrafficSelector(byte Type, byte Protocol, ushort StartPort, ushort EndPort, NetAddress? StartAddress, NetAddress? EndAddress)
{
    /// <summary>"192.168.100.1-192.168.100.1 any/0-65535" style, short for single addresses and all ports.</summary>
    public string Display
    {
        get
        {
            string addresses = StartAddress is null ? "type " + Type.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : StartAddress == EndAddress ? StartAddress.Value.ToString() : $"{StartAddress.Value}-{EndAddress}";
            string protocol = Protocol == 0 ? "any" : Protocol.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string ports = StartPort == 0 && EndPort == 65535 ? "" : StartPort == EndPort ? $"/{StartPort}" : $"/{StartPort}-{EndPort}";
            return System.FormattableString.Invariant($"{addresses} proto {protocol}{ports}");
        }
    }
}
