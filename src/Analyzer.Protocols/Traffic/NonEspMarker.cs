using System.Buffers.Binary;

namespace Analyzer.Protocols.Traffic;

/// <summary>
/// RFC 3948 §2.2: on UDP 4500 a first word of zero (the non-ESP marker) means IKE follows; any
/// other first word is an ESP SPI. The one decoder of that word for every stage.
/// </summary>
public static class NonEspMarker
{
    public const int Length = 4;

    /// <summary>True when the UDP payload starts with the four zero bytes of the marker.</summary>
    public static bool StartsWithMarker(ReadOnlySpan<byte> udpPayload) =>
        udpPayload.Length >= Length && BinaryPrimitives.ReadUInt32BigEndian(udpPayload) == 0;

    /// <summary>True when the UDP payload is long enough to hold the word and it is not the marker: ESP in UDP.</summary>
    public static bool StartsWithSpi(ReadOnlySpan<byte> udpPayload) =>
        udpPayload.Length >= Length && BinaryPrimitives.ReadUInt32BigEndian(udpPayload) != 0;
}
