using System.Buffers.Binary;
using Analyzer.Core;
using System.Runtime.CompilerServices;

namespace Analyzer.Protocols.Ip;

/// <summary>RFC 791 §3.1 header.</summary>
public static class Ipv4Reader
{
    public const int MinimumHeaderLength = 20;
    private const ushort MoreFragmentsFlag = 0x2000;
    private const ushort FragmentOffsetMask = 0x1FFF;

    /*  0 version/IHL  1 TOS  2-3 total length  4-5 identification  6-7 flags/fragment offset
        8 TTL  9 protocol  10-11 header checksum  12-15 source  16-19 destination  20.. options */
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(ReadOnlySpan<byte> packet, out IpHeader header, out ParseError error)
    {
        header = default;
        error = default;
        if (packet.Length < MinimumHeaderLength)
        {
            error = ParseError.Truncated(0, MinimumHeaderLength, packet.Length);
            return false;
        }

        if (packet[0] >> 4 != 4)
        {
            error = ParseError.BadValue(0, "IP version is not 4");
            return false;
        }

        int headerLength = (packet[0] & 0x0F) * 4;
        if (headerLength < MinimumHeaderLength)
        {
            error = ParseError.BadLength(0, headerLength, packet.Length);
            return false;
        }

        if (headerLength > packet.Length)
        {
            error = ParseError.Truncated(0, headerLength, packet.Length);
            return false;
        }

        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if (totalLength < headerLength)
        {
            // TSO captures show total length 0 on the sending host; trust the captured bytes then.
            if (totalLength != 0)
            {
                error = ParseError.BadLength(2, totalLength, packet.Length);
                return false;
            }

            totalLength = packet.Length;
        }

        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]);
        int fragmentOffset = (flags & FragmentOffsetMask) * 8;
        bool more = (flags & MoreFragmentsFlag) != 0;
        header = new IpHeader(
            4,
            (IpProtocol)packet[9],
            NetAddress.FromV4(BinaryPrimitives.ReadUInt32BigEndian(packet[12..])),
            NetAddress.FromV4(BinaryPrimitives.ReadUInt32BigEndian(packet[16..])),
            headerLength,
            totalLength,
            BinaryPrimitives.ReadUInt16BigEndian(packet[4..]),
            packet[8],
            fragmentOffset,
            more,
            more || fragmentOffset != 0,
            headerLength);
        return true;
    }

    /// <summary>True when the header checksum (RFC 1071 one's complement) verifies.</summary>
    public static bool HeaderChecksumIsValid(ReadOnlySpan<byte> header) =>
        InternetChecksum.Fold(InternetChecksum.Add(0, header)) == 0xFFFF;
}
