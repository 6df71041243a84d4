using System.Buffers.Binary;

namespace Analyzer.Protocols.Traffic;

/// <summary>
/// Cheap plausibility checks, used only where a packet's ports are contested by another protocol:
/// does the payload have the shape of the VPN protocol at all?
/// </summary>
internal static class VpnStructure
{
    private const int IsakmpHeaderLength = 28;

    /// <summary>RFC 2408 §3.1 / RFC 7296 §3.1: 28-byte header, non-zero initiator cookie (SPI), major version 1 or 2, length field at least the header.</summary>
    public static bool LooksLikeIsakmp(ReadOnlySpan<byte> payload) =>
        payload.Length >= IsakmpHeaderLength
        && BinaryPrimitives.ReadUInt64BigEndian(payload) != 0
        && (payload[17] >> 4) is 1 or 2
        && BinaryPrimitives.ReadUInt32BigEndian(payload[24..]) >= IsakmpHeaderLength;

    /// <summary>RFC 2661 §3.1 / RFC 3931 §3.2: the version nibble of the second byte is 2 or 3.</summary>
    public static bool LooksLikeL2tp(ReadOnlySpan<byte> payload) =>
        payload.Length >= 6 && (payload[1] & 0x0F) is 2 or 3;
}
