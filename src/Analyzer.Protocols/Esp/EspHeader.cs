using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Esp;

/// <summary>
/// The clear part of an ESP packet (RFC 4303 §2): SPI and sequence number. Everything after them is
/// ciphertext to a capture, so this is all vpndiag can read.
/// </summary>
public readonly record struct EspHeader(uint Spi, uint Sequence)
{
    public const int Length = 8;

    /// <summary>Reads SPI and sequence number from the first eight bytes of <paramref name="esp"/>.</summary>
    public static bool TryRead(ReadOnlySpan<byte> esp, out EspHeader header, out ParseError error)
    {
        header = default;
        error = default;
        if (esp.Length < Length)
        {
            error = ParseError.Truncated(0, Length, esp.Length);
            return false;
        }

        header = new EspHeader(BinaryPrimitives.ReadUInt32BigEndian(esp), BinaryPrimitives.ReadUInt32BigEndian(esp[4..]));
        if (header.Spi == 0)
        {
            // SPI 0 is reserved for local use and never appears on the wire (RFC 4303 §2.1).
            error = ParseError.BadValue(0, "ESP SPI 0 is reserved");
            return false;
        }

        return true;
    }
}
