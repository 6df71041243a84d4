using System.Buffers.Binary;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// An IKE-level fragment. IKEv1 (payload 132, Cisco format also used by strongSwan and Windows):
/// fragment ID(2), number(1), flags(1, bit 0 = last), data. IKEv2 SKF (RFC 7383 §2.5): number(2),
/// total(2), then the encrypted piece. <see cref="Total"/> is known only for IKEv2.
/// </summary>
public sealed record FragmentPayload(ushort FragmentId, int Number, int? Total, bool Last, byte[] Data)
{
    private const int FixedLength = 4;

    public static bool TryRead(ReadOnlySpan<byte> body, bool v2, int baseOffset, out FragmentPayload? fragment, out ParseError error)
    {
        fragment = null;
        error = default;
        if (body.Length < FixedLength)
        {
            error = ParseError.Truncated(baseOffset, FixedLength, body.Length);
            return false;
        }

        if (v2)
        {
            int number = BinaryPrimitives.ReadUInt16BigEndian(body);
            int total = BinaryPrimitives.ReadUInt16BigEndian(body[2..]);
            if (number == 0 || number > total)
            {
                error = ParseError.BadValue(baseOffset, "fragment number outside 1..total");
                return false;
            }

            fragment = new FragmentPayload(0, number, total, number == total, body[FixedLength..].ToArray());
            return true;
        }

        fragment = new FragmentPayload(BinaryPrimitives.ReadUInt16BigEndian(body), body[2], null, (body[3] & 1) != 0, body[FixedLength..].ToArray());
        return true;
    }
}
