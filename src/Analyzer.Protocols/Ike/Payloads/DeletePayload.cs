using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// A Delete payload. IKEv1 (RFC 2408 §3.15): DOI(4), protocol, SPI size, count(2), SPIs.
/// IKEv2 (RFC 7296 §3.11): protocol, SPI size, count(2), SPIs.
/// </summary>
public sealed record DeletePayload(byte ProtocolId, IReadOnlyList<byte[]> Spis)
{
    public static bool TryRead(ReadOnlySpan<byte> body, bool v2, int baseOffset, out DeletePayload? delete, out ParseError error)
    {
        delete = null;
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
        int count = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
        ReadOnlySpan<byte> spiBytes = rest[4..];

        // RFC 7296: for the IKE SA the SPI size is 0 and so is the count; anything else must fit exactly.
        if ((long)spiSize * count > spiBytes.Length)
        {
            error = ParseError.BadLength(baseOffset + (v2 ? 2 : 6), (long)spiSize * count, spiBytes.Length);
            return false;
        }

        var spis = new List<byte[]>(spiSize == 0 ? 0 : count);
        for (int i = 0; spiSize > 0 && i < count; i++)
        {
            spis.Add(spiBytes.Slice(i * spiSize, spiSize).ToArray());
        }

        delete = new DeletePayload(protocol, spis);
        return true;
    }
}
