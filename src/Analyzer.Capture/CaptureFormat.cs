using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Capture;

/// <summary>Recognises capture files by their magic numbers, seeing through gzip.</summary>
public static class CaptureFormat
{
    /// <summary>pcap magic as read big-endian: microsecond timestamps.</summary>
    internal const uint PcapMicroseconds = 0xA1B2C3D4;

    /// <summary>pcap magic as read big-endian: nanosecond timestamps.</summary>
    internal const uint PcapNanoseconds = 0xA1B23C4D;

    /// <summary>Alexey Kuznetzov's patched pcap: 8 more bytes per record header.</summary>
    internal const uint PcapKuznetzov = 0xA1B2CD34;

    /// <summary>pcapng Section Header Block type; the same in both byte orders.</summary>
    internal const uint PcapngSectionHeader = 0x0A0D0D0A;

    /// <summary>
    /// What a capture is from its first bytes (at least 4; 12 lets pcapng be told from text).
    /// For gzip, pass the decompressed first bytes; a gzip header alone gives <see cref="InputKind.Unknown"/>
    /// (check <see cref="IsGzip"/> first).
    /// </summary>
    public static InputKind Sniff(ReadOnlySpan<byte> firstBytes)
    {
        if (firstBytes.Length < 4)
        {
            return InputKind.Unknown;
        }

        uint big = BinaryPrimitives.ReadUInt32BigEndian(firstBytes);
        uint little = BinaryPrimitives.ReadUInt32LittleEndian(firstBytes);
        if (IsPcapMagic(big) || IsPcapMagic(little))
        {
            return InputKind.Pcap;
        }

        if (big == PcapngSectionHeader)
        {
            // Byte-order magic at offset 8 tells a real section header from text that begins "\n\r\r\n".
            if (firstBytes.Length < 12)
            {
                return InputKind.Pcapng;
            }

            uint byteOrder = BinaryPrimitives.ReadUInt32LittleEndian(firstBytes[8..]);
            return byteOrder is 0x1A2B3C4D or 0x4D3C2B1A ? InputKind.Pcapng : InputKind.Unknown;
        }

        return InputKind.Unknown;
    }

    /// <summary>RFC 1952 member header: ID1 ID2 and the deflate method byte.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> firstBytes) =>
        firstBytes.Length >= 3 && firstBytes[0] == 0x1F && firstBytes[1] == 0x8B && firstBytes[2] == 8;

    internal static bool IsPcapMagic(uint magic) =>
        magic is PcapMicroseconds or PcapNanoseconds or PcapKuznetzov;
}
