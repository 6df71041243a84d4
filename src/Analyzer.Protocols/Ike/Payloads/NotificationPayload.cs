using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// A Notification payload. IKEv1 (RFC 2408 §3.14): DOI(4), protocol, SPI size, type(2), SPI, data.
/// IKEv2 (RFC 7296 §3.10): protocol, SPI size, type(2), SPI, data.
/// </summary>
public sealed record NotificationPayload(ushort Type, byte ProtocolId, byte[] Spi, byte[] Data)
{
    public static bool TryRead(ReadOnlySpan<byte> body, bool v2, int baseOffset, out NotificationPayload? notify, out ParseError error)
    {
        notify = null;
        error = default;
        int fixedLength = v2 ? 4 : 8;
        if (body.Length < fixedLength)
        {
            error = ParseError.Truncated(baseOffset, fixedLength, body.Length);
            return false;
        }

        ReadOnlySpan<byte> rest = v2 ? body : body[4..];
        byte protocol = rest[0];
        byte spiSize = rest[1];
        ushort type = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
        if (spiSize > rest.Length - 4)
        {
            error = ParseError.BadLength(baseOffset + (v2 ? 1 : 5), spiSize, rest.Length - 4);
            return false;
        }

        notify = new NotificationPayload(type, protocol, rest.Slice(4, spiSize).ToArray(), rest[(4 + spiSize)..].ToArray());
        return true;
    }
}
