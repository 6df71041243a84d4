using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Payloads;

namespace Analyzer.Protocols.Ike.V2;

/// <summary>
/// IKEv2 SA payload (RFC 7296 §3.3): proposal substructures (last-substruc 0 or 2) each holding
/// transform substructures (last-substruc 0 or 3) with type, ID and attributes.
/// </summary>
public static class Ikev2SecurityAssociationReader
{
    private const int ProposalFixedLength = 8;
    private const int TransformFixedLength = 8;
    private const byte MoreProposals = 2;
    private const byte MoreTransforms = 3;
    private const int MaxProposals = 64;

    public static bool TryRead(ReadOnlySpan<byte> body, int baseOffset, List<SaProposal> into, out ParseError error)
    {
        error = default;
        int offset = 0;
        byte more = MoreProposals;
        while (more == MoreProposals && offset < body.Length)
        {
            if (into.Count >= MaxProposals)
            {
                error = new ParseError(ParseErrorKind.LimitReached, baseOffset + offset, "more than 64 proposals");
                return false;
            }

            ReadOnlySpan<byte> rest = body[offset..];
            if (!SecurityAssociationReader.TryReadGeneric(rest, baseOffset + offset, ProposalFixedLength, out int length, out error))
            {
                return false;
            }

            more = rest[0];
            if (!TryReadProposal(rest[..length], baseOffset + offset, into, out error))
            {
                return false;
            }

            offset += length;
        }

        return true;
    }

    private static bool TryReadProposal(ReadOnlySpan<byte> proposal, int at, List<SaProposal> into, out ParseError error)
    {
        byte number = proposal[4];
        byte protocol = proposal[5];
        byte spiSize = proposal[6];
        int offset = ProposalFixedLength;
        if (spiSize > proposal.Length - offset)
        {
            error = ParseError.BadLength(at + 6, spiSize, proposal.Length - offset);
            return false;
        }

        byte[] spi = proposal.Slice(offset, spiSize).ToArray();
        offset += spiSize;
        var transforms = new List<SaTransform>(Math.Min((int)proposal[7], 16));
        byte more = MoreTransforms;
        byte index = 0;
        while (more == MoreTransforms && offset < proposal.Length)
        {
            ReadOnlySpan<byte> rest = proposal[offset..];
            if (!SecurityAssociationReader.TryReadGeneric(rest, at + offset, TransformFixedLength, out int length, out error))
            {
                return false;
            }

            more = rest[0];
            var attributes = new List<SaAttribute>();
            if (!AttributeReader.TryReadAll(rest[TransformFixedLength..length], at + offset + TransformFixedLength, attributes, out error))
            {
                return false;
            }

            index++;
            transforms.Add(new SaTransform(index, rest[4], BinaryPrimitives.ReadUInt16BigEndian(rest[6..]), attributes));
            offset += length;
        }

        into.Add(new SaProposal(number, protocol, spi, transforms));
        error = default;
        return true;
    }
}
