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
        if (!ProtocolSpiPrefix.TryRead(body, v2, baseOffset, out byte protocol, out byte spiSize, out ushort type, out int at, out error))
        {
            return false;
        }

        ReadOnlySpan<byte> rest = body[at..];
        if (spiSize > rest.Length - ProtocolSpiPrefix.Length)
        {
            error = ParseError.BadLength(baseOffset + at + 1, spiSize, rest.Length - ProtocolSpiPrefix.Length);
            return false;
        }

        notify = new NotificationPayload(type, protocol, rest.Slice(4, spiSize).ToArray(), rest[(4 + spiSize)..].ToArray());
        return true;
    }
}
