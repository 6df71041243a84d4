using System.Buffers.Binary;
using System.Security.Cryptography;

namespace KernelStackConverter;

/// <summary>
/// Recomputes NAT-D payloads of clear-text IKEv1 messages so they say "no NAT" for the addresses and
/// ports the rewritten packet carries (RFC 3947 §3: HASH(CKY-I | CKY-R | IP | Port) with the
/// negotiated hash; the first NAT-D names the packet's destination, the others its source).
/// The hash algorithm comes from the transform the responder chose in its SA payload.
/// </summary>
internal sealed class NatDetectionRewriter
{
    private const int HeaderLength = 28;
    private const byte PayloadSa = 1;
    private const byte PayloadNatD = 20;
    private const byte PayloadNatDDraft = 130;
    private const byte ExchangeMain = 2;
    private const byte ExchangeAggressive = 4;
    private const ushort AttributeHash = 2;

    private readonly Dictionary<ulong, HashAlgorithmName> _hashByInitiatorCookie = [];

    public int Rewritten { get; private set; }

    public int WithoutKnownHash { get; private set; }

    /// <summary>Learns the chosen hash and rewrites NAT-D hashes in place; the length never changes.</summary>
    public void Rewrite(Span<byte> ike, ReadOnlySpan<byte> sourceAddress, ushort sourcePort,
        ReadOnlySpan<byte> destinationAddress, ushort destinationPort)
    {
        if (ike.Length < HeaderLength || (ike[19] & 0x01) != 0)
        {
            return; // encrypted: nothing readable, and NAT-D is only sent in clear messages
        }

        byte exchange = ike[18];
        if (exchange is not (ExchangeMain or ExchangeAggressive))
        {
            return;
        }

        ulong initiatorCookie = BinaryPrimitives.ReadUInt64BigEndian(ike);
        // Only the responder's SA (responder cookie set: Main Mode 2, Aggressive Mode 2) names one
        // chosen transform; the initiator's first message has a zero responder cookie.
        bool fromResponder = BinaryPrimitives.ReadUInt64BigEndian(ike[8..]) != 0;
        uint declared = BinaryPrimitives.ReadUInt32BigEndian(ike[24..]);
        int end = (int)Math.Min(declared, (uint)ike.Length);
        byte next = ike[16];
        int offset = HeaderLength;
        int natDIndex = 0;
        while (next != 0 && offset + 4 <= end)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(ike[(offset + 2)..]);
            if (length < 4 || offset + length > end)
            {
                return; // malformed chain: leave the rest as captured
            }

            Span<byte> body = ike.Slice(offset + 4, length - 4);
            if (next == PayloadSa && fromResponder && ChosenHash(body) is { } hash)
            {
                _hashByInitiatorCookie[initiatorCookie] = hash;
            }
            else if (next is PayloadNatD or PayloadNatDDraft)
            {
                RewriteOne(ike, body, natDIndex == 0 ? destinationAddress : sourceAddress,
                    natDIndex == 0 ? destinationPort : sourcePort, initiatorCookie);
                natDIndex++;
            }

            next = ike[offset];
            offset += length;
        }
    }

    private void RewriteOne(ReadOnlySpan<byte> ike, Span<byte> hashBody, ReadOnlySpan<byte> address, ushort port,
        ulong initiatorCookie)
    {
        if (!_hashByInitiatorCookie.TryGetValue(initiatorCookie, out HashAlgorithmName algorithm))
        {
            WithoutKnownHash++;
            return;
        }

        Span<byte> input = stackalloc byte[16 + 4 + 2];
        ike[..16].CopyTo(input);
        address.CopyTo(input[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(input[20..], port);
        byte[] hash = Hash(algorithm, input);
        if (hash.Length != hashBody.Length)
        {
            WithoutKnownHash++;
            return;
        }

        hash.CopyTo(hashBody);
        Rewritten++;
    }

    private static byte[] Hash(HashAlgorithmName algorithm, ReadOnlySpan<byte> input)
    {
        if (algorithm == HashAlgorithmName.MD5)
        {
#pragma warning disable CA5351 // MD5 is what the peers negotiated; the converter must reproduce it.
            return MD5.HashData(input);
#pragma warning restore CA5351
        }

        if (algorithm == HashAlgorithmName.SHA1)
        {
#pragma warning disable CA5350 // SHA-1 is what the peers negotiated.
            return SHA1.HashData(input);
#pragma warning restore CA5350
        }

        if (algorithm == HashAlgorithmName.SHA384)
        {
            return SHA384.HashData(input);
        }

        return algorithm == HashAlgorithmName.SHA512 ? SHA512.HashData(input) : SHA256.HashData(input);
    }

    // RFC 2409 Appendix A hash algorithm values: 1 MD5, 2 SHA, 4 SHA2-256, 5 SHA2-384, 6 SHA2-512.
    private static HashAlgorithmName? FromIkeHash(int value) => value switch
    {
        1 => HashAlgorithmName.MD5,
        2 => HashAlgorithmName.SHA1,
        4 => HashAlgorithmName.SHA256,
        5 => HashAlgorithmName.SHA384,
        6 => HashAlgorithmName.SHA512,
        _ => null,
    };

    // SA body: DOI(4) situation(4) then one proposal holding exactly one transform when it is the
    // responder's choice (RFC 2408 §3.4-3.6).
    private static HashAlgorithmName? ChosenHash(ReadOnlySpan<byte> saBody)
    {
        if (saBody.Length < 8 + 8)
        {
            return null;
        }

        ReadOnlySpan<byte> proposal = saBody[8..];
        int proposalLength = BinaryPrimitives.ReadUInt16BigEndian(proposal[2..]);
        if (proposalLength > proposal.Length || proposalLength < 8)
        {
            return null;
        }

        byte spiSize = proposal[6];
        byte transforms = proposal[7];
        int transformOffset = 8 + spiSize;
        if (transforms != 1 || transformOffset + 8 > proposalLength)
        {
            return null;
        }

        ReadOnlySpan<byte> transform = proposal[transformOffset..proposalLength];
        int transformLength = BinaryPrimitives.ReadUInt16BigEndian(transform[2..]);
        if (transformLength > transform.Length || transformLength < 8)
        {
            return null;
        }

        ReadOnlySpan<byte> attributes = transform[8..transformLength];
        while (attributes.Length >= 4)
        {
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(attributes);
            ushort value = BinaryPrimitives.ReadUInt16BigEndian(attributes[2..]);
            if ((type & 0x8000) != 0)
            {
                if ((type & 0x7fff) == AttributeHash)
                {
                    return FromIkeHash(value);
                }

                attributes = attributes[4..];
            }
            else
            {
                if (4 + value > attributes.Length)
                {
                    return null;
                }

                attributes = attributes[(4 + value)..];
            }
        }

        return null;
    }
}
