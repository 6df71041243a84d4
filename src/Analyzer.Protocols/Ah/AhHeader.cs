using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ah;

/// <summary>
/// An Authentication Header (RFC 4302 §2):
/// <code>
/// | Next Header (8) | Payload Len (8) | Reserved (16) |
/// | Security Parameters Index (32)                   |
/// | Sequence Number (32)                             |
/// | Integrity Check Value (variable)                 |
/// </code>
/// Payload Len counts 32-bit words minus 2, so the header is (PayloadLen + 2) × 4 bytes long.
/// </summary>
public readonly record struct AhHeader(byte NextHeader, int HeaderLength, uint Spi, uint Sequence)
{
    public const int FixedLength = 12;

    /// <summary>IP protocol number of ESP: AH in front of ESP when <see cref="NextHeader"/> equals it.</summary>
    public const byte EspProtocol = 50;

    public static bool TryRead(ReadOnlySpan<byte> ah, out AhHeader header, out ParseError error)
    {
        header = default;
        error = default;
        if (ah.Length < FixedLength)
        {
            error = ParseError.Truncated(0, FixedLength, ah.Length);
            return false;
        }

        int headerLength = (ah[1] + 2) * 4;
        if (headerLength < FixedLength)
        {
            error = ParseError.BadLength(1, ah[1], ah.Length);
            return false;
        }

        header = new AhHeader(ah[0], headerLength, BinaryPrimitives.ReadUInt32BigEndian(ah[4..]), BinaryPrimitives.ReadUInt32BigEndian(ah[8..]));
        return true;
    }

    /// <summary>The bytes after the AH header (its next header's bytes), or false when the capture cut them.</summary>
    public bool TryGetNext(ReadOnlySpan<byte> ah, out ReadOnlySpan<byte> next, out ParseError error)
    {
        next = default;
        error = default;
        if (HeaderLength > ah.Length)
        {
            error = ParseError.BadLength(1, HeaderLength, ah.Length);
            return false;
        }

        next = ah[HeaderLength..];
        return true;
    }
}
