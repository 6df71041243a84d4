using System.Buffers.Binary;

namespace KernelStackConverter;

/// <summary>RFC 1071 one's-complement checksums for IPv4 headers and UDP (with its pseudo-header).</summary>
internal static class InternetChecksum
{
    public static ushort Compute(ReadOnlySpan<byte> bytes, uint initial = 0)
    {
        uint sum = initial;
        int i = 0;
        for (; i + 1 < bytes.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
        }

        if (i < bytes.Length)
        {
            sum += (uint)(bytes[i] << 8);
        }

        while (sum > 0xffff)
        {
            sum = (sum & 0xffff) + (sum >> 16);
        }

        return (ushort)~sum;
    }

    /// <summary>UDP checksum over pseudo-header (RFC 768) and datagram; 0 is sent as 0xffff.</summary>
    public static ushort Udp(ReadOnlySpan<byte> sourceAddress, ReadOnlySpan<byte> destinationAddress, ReadOnlySpan<byte> datagram)
    {
        uint pseudo = 0;
        pseudo += BinaryPrimitives.ReadUInt16BigEndian(sourceAddress);
        pseudo += BinaryPrimitives.ReadUInt16BigEndian(sourceAddress[2..]);
        pseudo += BinaryPrimitives.ReadUInt16BigEndian(destinationAddress);
        pseudo += BinaryPrimitives.ReadUInt16BigEndian(destinationAddress[2..]);
        pseudo += 17;
        pseudo += (uint)datagram.Length;
        ushort checksum = Compute(datagram, pseudo);
        return checksum == 0 ? (ushort)0xffff : checksum;
    }
}
