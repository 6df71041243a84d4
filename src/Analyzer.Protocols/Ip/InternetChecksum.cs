using System.Buffers.Binary;
using Analyzer.Core;
using System.Runtime.CompilerServices;

namespace Analyzer.Protocols.Ip;

/// <summary>RFC 1071 one's-complement sum, with the UDP/TCP pseudo-headers of RFC 768 and RFC 8200 §8.1.</summary>
public static class InternetChecksum
{
    /// <summary>Adds bytes to a running 64-bit sum (an odd final byte is padded with zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Add(ulong sum, ReadOnlySpan<byte> bytes)
    {
        int i = 0;
        for (; i + 4 <= bytes.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]);
        }

        for (; i + 2 <= bytes.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
        }

        if (i < bytes.Length)
        {
            sum += (ulong)bytes[i] << 8;
        }

        return sum;
    }

    /// <summary>Folds a running sum to 16 bits; a correct message including its checksum folds to 0xFFFF.</summary>
    public static ushort Fold(ulong sum)
    {
        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)sum;
    }

    /// <summary>Sum of the pseudo-header for a transport segment of <paramref name="length"/> bytes.</summary>
    public static ulong PseudoHeader(NetAddress source, NetAddress destination, IpProtocol protocol, int length)
    {
        ulong sum = (ulong)protocol + (ulong)length;
        sum += Words(source.Value, source.IsV6);
        sum += Words(destination.Value, destination.IsV6);
        return sum;
    }

    private static ulong Words(UInt128 value, bool isV6)
    {
        if (!isV6)
        {
            uint v4 = (uint)value;
            return (v4 >> 16) + (v4 & 0xFFFF);
        }

        ulong high = (ulong)(value >> 64);
        ulong low = (ulong)value;
        return (high >> 32) + (high & 0xFFFFFFFF) + (low >> 32) + (low & 0xFFFFFFFF);
    }
}
