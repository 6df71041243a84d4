using System.Buffers.Binary;
using System.Security.Cryptography;
using Analyzer.Core;

namespace Analyzer.Protocols.Ike.Payloads;

/// <summary>
/// Recomputes NAT-D hashes: IKEv1 RFC 3947 §3.2, HASH(CKY-I | CKY-R | IP | Port) with the hash
/// negotiated for Phase 1; IKEv2 RFC 7296 §2.23, SHA-1(SPIi | SPIr | IP | Port).
/// </summary>
public static class NatDiscoveryHash
{
    /// <summary>The hash for an endpoint, or null when the algorithm (IKEv1 Hash-Algorithm value) is not one we compute.</summary>
    public static byte[]? Compute(HashAlgorithmName algorithm, ulong initiatorCookie, ulong responderCookie, NetEndpoint endpoint)
    {
        Span<byte> input = stackalloc byte[8 + 8 + 16 + 2];
        BinaryPrimitives.WriteUInt64BigEndian(input, initiatorCookie);
        BinaryPrimitives.WriteUInt64BigEndian(input[8..], responderCookie);
        int addressLength = endpoint.Address.WriteBytes(input[16..]);
        BinaryPrimitives.WriteUInt16BigEndian(input[(16 + addressLength)..], endpoint.Port);
        ReadOnlySpan<byte> data = input[..(16 + addressLength + 2)];
        if (algorithm == HashAlgorithmName.MD5)
        {
#pragma warning disable CA5351 // MD5 is what the peers negotiated; we only recompute their value.
            return MD5.HashData(data);
#pragma warning restore CA5351
        }

        if (algorithm == HashAlgorithmName.SHA1)
        {
#pragma warning disable CA5350 // SHA-1 is mandated by RFC 7296 §2.23 / negotiated by the peers.
            return SHA1.HashData(data);
#pragma warning restore CA5350
        }

        if (algorithm == HashAlgorithmName.SHA256)
        {
            return SHA256.HashData(data);
        }

        if (algorithm == HashAlgorithmName.SHA384)
        {
            return SHA384.HashData(data);
        }

        return algorithm == HashAlgorithmName.SHA512 ? SHA512.HashData(data) : null;
    }

    /// <summary>The IKEv1 Hash-Algorithm attribute value (RFC 2409 appendix A) as a .NET algorithm, when it is one we compute.</summary>
    public static HashAlgorithmName? FromIkev1(long? hashAttribute) => hashAttribute switch
    {
        1 => HashAlgorithmName.MD5,
        2 => HashAlgorithmName.SHA1,
        4 => HashAlgorithmName.SHA256,
        5 => HashAlgorithmName.SHA384,
        6 => HashAlgorithmName.SHA512,
        _ => null,
    };
}
