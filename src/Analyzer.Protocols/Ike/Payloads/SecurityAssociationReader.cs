using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// IKEv1 SA payload (RFC 2408 §3.4–3.6, RFC 2407 §4.6.1): DOI, situation, then proposal payloads each
/// holding transform payloads. Every structure is read inside its own declared length.
/// </summary>
public static class SecurityAssociationReader
{
    private const int DoiLength = 4;
    private const int SituationLength = 4;
    private const int ProposalFixedLength = 8;   // generic header + #, protocol, SPI size, #transforms
    private const int TransformFixedLength = 8;  // generic header + #, ID, reserved(2)

    /// <summary>
    /// Proposals read from one SA payload: a structural bound of the parser (real peers offer a
    /// handful, Windows about ten). Past it the payload fails with <see cref="ParseErrorKind.LimitReached"/>.
    /// </summary>
    public const int MaxProposals = 64;

    /// <summary>Reads the SA body; offsets in errors are relative to <paramref name="baseOffset"/> (the body's start).</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, int baseOffset, out uint doi, out uint situation, List<SaProposal> into, out ParseError error)
    {
        doi = 0;
        situation = 0;
        error = default;
        if (body.Length < DoiLength)
        {
            error = ParseError.Truncated(baseOffset, DoiLength, body.Length);
            return false;
        }

        doi = BinaryPrimitives.ReadUInt32BigEndian(body);
        int offset = DoiLength;
        if (doi == Registry.DoiSituation.IpsecDoi)
        {
            if (body.Length < DoiLength + SituationLength)
            {
                error = ParseError.Truncated(baseOffset + offset, SituationLength, body.Length - offset);
                return false;
            }

            situation = BinaryPrimitives.ReadUInt32BigEndian(body[offset..]);
            offset += SituationLength;

            // SIT_SECRECY/SIT_INTEGRITY add labelled-domain fields we do not decode; proposals then cannot be located.
            if ((situation & ~1u) != 0)
            {
                error = ParseError.Unsupported(baseOffset + DoiLength, "situation with secrecy/integrity labels");
                return false;
            }
        }

        return TryReadProposals(body[offset..], baseOffset + offset, false, into, out error);
    }

    /// <summary>
    /// Proposal payloads (IKEv1) or substructures (IKEv2, RFC 7296 §3.3): both chain with the values
    /// 2 (another proposal follows) and 3 (another transform follows), which RFC 7296 kept on purpose.
    /// </summary>
    internal static bool TryReadProposals(ReadOnlySpan<byte> span, int baseOffset, bool v2, List<SaProposal> into, out ParseError error)
    {
        error = default;
        int offset = 0;
        byte next = (byte)PayloadType.Proposal;
        while (next == (byte)PayloadType.Proposal && offset < span.Length)
        {
            if (into.Count >= MaxProposals)
            {
                error = new ParseError(ParseErrorKind.LimitReached, baseOffset + offset, string.Create(CultureInfo.InvariantCulture, $"more than {MaxProposals} proposals"));
                return false;
            }

            ReadOnlySpan<byte> rest = span[offset..];
            if (!TryReadGeneric(rest, baseOffset + offset, ProposalFixedLength, out int length, out error))
            {
                return false;
            }

            next = rest[0];
            if (!TryReadProposal(rest[..length], baseOffset + offset, v2, into, out error))
            {
                return false;
            }

            offset += length;
        }

        return true;
    }

    /// <summary>Checks a generic payload header: length at least <paramref name="minimum"/> and inside what remains.</summary>
    internal static bool TryReadGeneric(ReadOnlySpan<byte> rest, int at, int minimum, out int length, out ParseError error)
    {
        error = default;
        length = 0;
        if (rest.Length < minimum)
        {
            error = ParseError.Truncated(at, minimum, rest.Length);
            return false;
        }

        length = BinaryPrimitives.ReadUInt16BigEndian(rest[2..]);
        if (length < minimum || length > rest.Length)
        {
            error = ParseError.BadLength(at + 2, length, rest.Length);
            return false;
        }

        return true;
    }

    private static bool TryReadProposal(ReadOnlySpan<byte> proposal, int at, bool v2, List<SaProposal> into, out ParseError error)
    {
        byte number = proposal[4];
        byte protocol = proposal[5];
        byte spiSize = proposal[6];
        byte count = proposal[7];
        int offset = ProposalFixedLength;
        if (spiSize > proposal.Length - offset)
        {
            error = ParseError.BadLength(at + 6, spiSize, proposal.Length - offset);
            return false;
        }

        byte[] spi = proposal.Slice(offset, spiSize).ToArray();
        offset += spiSize;
        var transforms = new List<SaTransform>(Math.Min((int)count, 16));
        byte next = (byte)PayloadType.Transform;
        while (next == (byte)PayloadType.Transform && offset < proposal.Length)
        {
            ReadOnlySpan<byte> rest = proposal[offset..];
            if (!TryReadGeneric(rest, at + offset, TransformFixedLength, out int length, out error))
            {
                return false;
            }

            next = rest[0];
            var attributes = new List<SaAttribute>();
            if (!AttributeReader.TryReadAll(rest[TransformFixedLength..length], at + offset + TransformFixedLength, attributes, out error))
            {
                return false;
            }

            // IKEv1: number and a one-byte ID; IKEv2: a type and a two-byte ID (numbered here by position).
            transforms.Add(v2
                ? new SaTransform((byte)(transforms.Count + 1), rest[4], BinaryPrimitives.ReadUInt16BigEndian(rest[6..]), attributes)
                : new SaTransform(rest[4], 0, rest[5], attributes));
            offset += length;
        }

        into.Add(new SaProposal(number, protocol, spi, transforms));
        error = default;
        return true;
    }
}
