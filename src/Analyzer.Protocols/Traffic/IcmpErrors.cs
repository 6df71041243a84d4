using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Protocols.Ip;

namespace Analyzer.Protocols.Traffic;

/// <summary>
/// Recognises ICMP errors about VPN traffic: RFC 792 destination unreachable (3) and time exceeded
/// (11), RFC 4443 destination unreachable (1), packet too big (2) and time exceeded (3). Each quotes
/// the offending packet's IP header and at least its first 8 bytes, enough for the UDP ports.
/// </summary>
internal static class IcmpErrors
{
    private const int IcmpHeaderLength = 8;

    public static bool QuotesVpnTraffic(ReadOnlySpan<byte> icmp, bool v6)
    {
        if (icmp.Length < IcmpHeaderLength + 1)
        {
            return false;
        }

        byte type = icmp[0];
        bool error = v6 ? type is 1 or 2 or 3 : type is 3 or 11;
        if (!error)
        {
            return false;
        }

        ReadOnlySpan<byte> quoted = icmp[IcmpHeaderLength..];
        IpHeader header;
        bool ok = v6 ? Ipv6Reader.TryRead(quoted, out header, out ParseError _) : Ipv4Reader.TryRead(quoted, out header, out ParseError _);
        if (!ok || header.FragmentOffset != 0)
        {
            return false;
        }

        ReadOnlySpan<byte> transport = quoted[Math.Min(header.PayloadOffset, quoted.Length)..];
        switch (header.Protocol)
        {
            case IpProtocol.Esp or IpProtocol.Ah or IpProtocol.Gre:
                return true;
            case IpProtocol.Udp or IpProtocol.Tcp when transport.Length >= 4:
                ushort source = BinaryPrimitives.ReadUInt16BigEndian(transport);
                ushort destination = BinaryPrimitives.ReadUInt16BigEndian(transport[2..]);
                return header.Protocol == IpProtocol.Udp
                    ? PortClaims.DecideUdp(source, destination, out _) != 0
                    : PortClaims.IsPptpControl(source, destination);
            default:
                return false;
        }
    }
}
