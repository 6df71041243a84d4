using System.Buffers.Binary;

namespace KernelStackConverter;

/// <summary>
/// Turns one captured frame of a kernel-libipsec run (always NAT-T, RFC 3948) into what a kernel
/// IPsec stack sends when no NAT is present: ESP-in-UDP/4500 becomes IP protocol 50, IKE on 4500
/// loses its non-ESP marker and goes back to port 500, NAT-T keepalives disappear, NAT-D hashes
/// say "no NAT". IP and UDP lengths and checksums are recomputed. IP fragments are left as captured.
/// </summary>
internal sealed class KernelStackRewriter
{
    private const int EthernetHeaderLength = 14;
    private const ushort EtherTypeIpv4 = 0x0800;
    private const uint LinkTypeEthernet = 1;
    private const uint LinkTypeRaw = 101;
    private const byte ProtocolUdp = 17;
    private const byte ProtocolEsp = 50;
    private const int UdpHeaderLength = 8;
    private const ushort IkePort = 500;
    private const ushort NatTPort = 4500;
    private const int NonEspMarkerLength = 4;

    private readonly int _ipOffset;
    private readonly NatDetectionRewriter _natDetection = new();

    public KernelStackRewriter(uint linkType)
    {
        _ipOffset = linkType switch
        {
            LinkTypeEthernet => EthernetHeaderLength,
            LinkTypeRaw => 0,
            _ => throw new NotSupportedException($"link type {linkType} (only Ethernet and raw IPv4)"),
        };
    }

    public int EspConverted { get; private set; }

    public int IkeMovedTo500 { get; private set; }

    public int KeepalivesDropped { get; private set; }

    public int FragmentsKept { get; private set; }

    public int NatDetectionRewritten => _natDetection.Rewritten;

    public int NatDetectionWithoutHash => _natDetection.WithoutKnownHash;

    /// <summary>The rewritten frame, or null when a kernel stack would not have sent it.</summary>
    public byte[]? Rewrite(byte[] frame)
    {
        int ip = _ipOffset;
        if (frame.Length < ip + 20 || (ip > 0 && BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12)) != EtherTypeIpv4))
        {
            return frame;
        }

        int headerLength = (frame[ip] & 0x0f) * 4;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(ip + 2));
        if ((frame[ip] >> 4) != 4 || headerLength < 20 || totalLength < headerLength || ip + totalLength > frame.Length)
        {
            return frame;
        }

        ushort fragment = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(ip + 6));
        if ((fragment & 0x3fff) != 0)
        {
            FragmentsKept++;
            return frame;
        }

        if (frame[ip + 9] != ProtocolUdp || totalLength < headerLength + UdpHeaderLength)
        {
            return frame;
        }

        int udp = ip + headerLength;
        ushort sourcePort = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(udp));
        ushort destinationPort = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(udp + 2));
        int payload = udp + UdpHeaderLength;
        int payloadLength = ip + totalLength - payload;
        if (sourcePort != NatTPort && destinationPort != NatTPort)
        {
            return sourcePort == IkePort || destinationPort == IkePort ? RewriteIke(frame, ip, headerLength, 0) : frame;
        }

        if (payloadLength == 1 && frame[payload] == 0xff)
        {
            KeepalivesDropped++;
            return null;
        }

        if (payloadLength >= NonEspMarkerLength && BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(payload)) == 0)
        {
            IkeMovedTo500++;
            return RewriteIke(frame, ip, headerLength, NonEspMarkerLength);
        }

        EspConverted++;
        return UnwrapEsp(frame, ip, headerLength, payloadLength);
    }

    // RFC 3948 §2.2 in reverse: drop the UDP header, the ESP header follows the IP header directly.
    private static byte[] UnwrapEsp(byte[] frame, int ip, int headerLength, int espLength)
    {
        int udp = ip + headerLength;
        var result = new byte[frame.Length - UdpHeaderLength];
        frame.AsSpan(0, udp).CopyTo(result);
        frame.AsSpan(udp + UdpHeaderLength).CopyTo(result.AsSpan(udp));
        result[ip + 9] = ProtocolEsp;
        FinishIp(result, ip, headerLength, headerLength + espLength);
        return result;
    }

    // IKE on 4500 carries a 4-byte zero marker (RFC 3948 §2.2); on 500 it does not.
    private byte[] RewriteIke(byte[] frame, int ip, int headerLength, int markerLength)
    {
        int udp = ip + headerLength;
        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(ip + 2));
        int ikeLength = ip + totalLength - udp - UdpHeaderLength - markerLength;
        var result = new byte[frame.Length - markerLength];
        frame.AsSpan(0, udp + UdpHeaderLength).CopyTo(result);
        frame.AsSpan(udp + UdpHeaderLength + markerLength).CopyTo(result.AsSpan(udp + UdpHeaderLength));
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(udp), IkePort);
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(udp + 2), IkePort);

        ReadOnlySpan<byte> source = result.AsSpan(ip + 12, 4);
        ReadOnlySpan<byte> destination = result.AsSpan(ip + 16, 4);
        _natDetection.Rewrite(result.AsSpan(udp + UdpHeaderLength, ikeLength), source, IkePort, destination, IkePort);

        int udpLength = UdpHeaderLength + ikeLength;
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(udp + 4), (ushort)udpLength);
        result[udp + 6] = 0;
        result[udp + 7] = 0;
        ushort checksum = InternetChecksum.Udp(source, destination, result.AsSpan(udp, udpLength));
        BinaryPrimitives.WriteUInt16BigEndian(result.AsSpan(udp + 6), checksum);
        FinishIp(result, ip, headerLength, headerLength + udpLength);
        return result;
    }

    private static void FinishIp(byte[] packet, int ip, int headerLength, int totalLength)
    {
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(ip + 2), (ushort)totalLength);
        packet[ip + 10] = 0;
        packet[ip + 11] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(ip + 10), InternetChecksum.Compute(packet.AsSpan(ip, headerLength)));
    }
}
