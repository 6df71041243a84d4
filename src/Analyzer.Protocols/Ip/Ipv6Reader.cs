using System.Buffers.Binary;
using Analyzer.Core;
using System.Runtime.CompilerServices;

namespace Analyzer.Protocols.Ip;

/// <summary>
/// RFC 8200 header and extension-header chain: Hop-by-Hop, Routing, Destination Options, Mobility,
/// HIP and Shim6 are stepped over; the Fragment header (§4.5) is read; ESP, AH and anything else
/// end the chain as the upper layer.
/// </summary>
public static class Ipv6Reader
{
    public const int HeaderLength = 40;
    private const int FragmentHeaderLength = 8;

    /// <summary>A chain longer than this is hostile; real stacks send two or three.</summary>
    private const int MaxExtensionHeaders = 16;

    /*  0-3 version/class/flow  4-5 payload length  6 next header  7 hop limit  8-23 source  24-39 destination */
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(ReadOnlySpan<byte> packet, out IpHeader header, out ParseError error)
    {
        header = default;
        error = default;
        if (packet.Length < HeaderLength)
        {
            error = ParseError.Truncated(0, HeaderLength, packet.Length);
            return false;
        }

        if (packet[0] >> 4 != 6)
        {
            error = ParseError.BadValue(0, "IP version is not 6");
            return false;
        }

        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);
        int totalLength = payloadLength == 0 ? packet.Length : HeaderLength + payloadLength; // 0: jumbogram or TSO
        var next = (IpProtocol)packet[6];
        int offset = HeaderLength;
        int unfragmentable = HeaderLength;
        uint identification = 0;
        int fragmentOffset = 0;
        bool more = false;
        bool isFragment = false;
        bool sawFragmentHeader = false;
        for (int count = 0; ; count++)
        {
            if (count == MaxExtensionHeaders)
            {
                error = ParseError.Unsupported(offset, "more than 16 IPv6 extension headers");
                return false;
            }

            if (next == IpProtocol.Fragment)
            {
                // next(1) reserved(1) offset/flags(2) identification(4)
                if (packet.Length < offset + FragmentHeaderLength)
                {
                    error = ParseError.Truncated(offset, FragmentHeaderLength, packet.Length - offset);
                    return false;
                }

                ushort offsetAndFlags = BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
                fragmentOffset = (offsetAndFlags & 0xFFF8);
                more = (offsetAndFlags & 1) != 0;
                identification = BinaryPrimitives.ReadUInt32BigEndian(packet[(offset + 4)..]);

                // RFC 6946: an atomic fragment (offset 0, no more) is a whole datagram; reassembled
                // packets are rebuilt that way too.
                isFragment = more || fragmentOffset != 0;
                sawFragmentHeader = true;
                unfragmentable = offset;
                next = (IpProtocol)packet[offset];
                offset += FragmentHeaderLength;
                if (fragmentOffset != 0)
                {
                    // Later fragments carry the middle of the upper layer; the chain ends here.
                    break;
                }

                continue;
            }

            if (next is IpProtocol.HopByHop or IpProtocol.Routing or IpProtocol.DestinationOptions
                or IpProtocol.Mobility or IpProtocol.Hip or IpProtocol.Shim6)
            {
                // next(1) length in 8-octet units not counting the first 8 (1)
                if (packet.Length < offset + 2)
                {
                    error = ParseError.Truncated(offset, 2, packet.Length - offset);
                    return false;
                }

                int length = (packet[offset + 1] + 1) * 8;
                if (packet.Length < offset + length)
                {
                    error = ParseError.Truncated(offset, length, packet.Length - offset);
                    return false;
                }

                next = (IpProtocol)packet[offset];
                offset += length;
                if (!sawFragmentHeader)
                {
                    unfragmentable = offset;
                }

                continue;
            }

            break;
        }

        if (offset > totalLength)
        {
            error = ParseError.BadLength(4, payloadLength, packet.Length - HeaderLength);
            return false;
        }

        header = new IpHeader(
            6,
            next,
            NetAddress.FromV6(packet.Slice(8, 16)),
            NetAddress.FromV6(packet.Slice(24, 16)),
            offset,
            totalLength,
            identification,
            packet[7],
            fragmentOffset,
            more,
            isFragment,
            unfragmentable);
        return true;
    }
}
