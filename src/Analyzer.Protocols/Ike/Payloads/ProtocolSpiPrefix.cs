using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// The start Notification and Delete payloads share: IKEv1 has a 4-byte DOI first (RFC 2408 §3.14–3.15),
/// then both versions have protocol ID, SPI size and a 16-bit field (notify type or SPI count).
/// </summary>
internal static class ProtocolSpiPrefix
{
    public const int Length = 4;

    /// <summary>Reads the prefix; <paramref name="fieldsAt"/> is the offset (from the body) of the protocol byte.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, bool v2, int baseOffset, out byte protocol, out byte spiSize, out ushort value, out int fieldsAt, out ParseError error)
    {
        protocol = 0;
        spiSize = 0;
        value = 0;
        error = default;
        fieldsAt = v2 ? 0 : 4;
        if (body.Length < fieldsAt + Length)
        {
            error = ParseError.Truncated(baseOffset, fieldsAt + Length, body.Length);
            return false;
        }

        protocol = body[fieldsAt];
        spiSize = body[fieldsAt + 1];
        value = BinaryPrimitives.ReadUInt16BigEndian(body[(fieldsAt + 2)..]);
        return true;
    }
}
