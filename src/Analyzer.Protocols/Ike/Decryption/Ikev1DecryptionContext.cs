using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Analyzer.Protocols.Ike.Decryption;

/// <summary>
/// The CBC state of one IKEv1 SA (RFC 2409 appendix B): the Phase 1 IV is hash(g^xi | g^xr), each
/// Phase 1 message chains on the previous one's last ciphertext block; every Quick Mode or
/// Informational starts from hash(last Phase 1 CBC block | M-ID) and chains inside its exchange.
/// Retransmitted ciphertext is recognised and decrypted with the IV it had the first time.
/// </summary>
public sealed class Ikev1DecryptionContext
{
    private readonly byte[] _key;
    private readonly Ikev1Cipher _cipher;
    private readonly HashAlgorithmName _hash;
    private readonly Dictionary<uint, byte[]> _exchangeIvs = [];
    private readonly Dictionary<ulong, byte[]> _byCiphertext = [];
    private byte[]? _phase1Iv;
    private byte[]? _lastPhase1Block;

    public Ikev1DecryptionContext(byte[] key, Ikev1Cipher cipher, HashAlgorithmName hash)
    {
        _key = key;
        _cipher = cipher;
        _hash = hash;
    }

    public Ikev1Cipher Cipher => _cipher;

    /// <summary>Sets the Phase 1 IV from the two KE public values (called once both are known).</summary>
    public void SetKeyExchange(ReadOnlySpan<byte> initiatorPublic, ReadOnlySpan<byte> responderPublic)
    {
        byte[] input = new byte[initiatorPublic.Length + responderPublic.Length];
        initiatorPublic.CopyTo(input);
        responderPublic.CopyTo(input.AsSpan(initiatorPublic.Length));
        _phase1Iv = Truncate(Hash(input));
    }

    public bool HasPhase1Iv => _phase1Iv is not null;

    /// <summary>
    /// Decrypts the body after the 28-byte header. <paramref name="phase1"/> is true for Main/Aggressive
    /// Mode messages; other exchanges are keyed by message ID. Null when no IV is known or the cipher refuses.
    /// </summary>
    public byte[]? Decrypt(ReadOnlySpan<byte> ciphertext, bool phase1, uint messageId)
    {
        int usable = ciphertext.Length - (ciphertext.Length % _cipher.BlockSize);
        if (usable == 0)
        {
            return null;
        }

        ReadOnlySpan<byte> blocks = ciphertext[..usable];
        ulong fingerprint = Fingerprint(blocks, messageId);
        if (_byCiphertext.TryGetValue(fingerprint, out byte[]? earlier))
        {
            return earlier;
        }

        byte[]? iv = phase1 ? _phase1Iv : ExchangeIv(messageId);
        if (iv is null)
        {
            return null;
        }

        byte[]? plain = _cipher.Decrypt(_key, iv, blocks);
        if (plain is null)
        {
            return null;
        }

        byte[] lastBlock = blocks[^_cipher.BlockSize..].ToArray();
        if (phase1)
        {
            _phase1Iv = lastBlock;
            _lastPhase1Block = lastBlock;
        }
        else
        {
            _exchangeIvs[messageId] = lastBlock;
        }

        _byCiphertext[fingerprint] = plain;
        return plain;
    }

    private byte[]? ExchangeIv(uint messageId)
    {
        if (_exchangeIvs.TryGetValue(messageId, out byte[]? chained))
        {
            return chained;
        }

        byte[]? basis = _lastPhase1Block ?? _phase1Iv;
        if (basis is null)
        {
            return null;
        }

        byte[] input = new byte[basis.Length + 4];
        basis.CopyTo(input, 0);
        BinaryPrimitives.WriteUInt32BigEndian(input.AsSpan(basis.Length), messageId);
        byte[] iv = Truncate(Hash(input));
        _exchangeIvs[messageId] = iv;
        return iv;
    }

    private byte[] Hash(byte[] input)
    {
#pragma warning disable CA5351, CA5350 // RFC 2409 derives IVs with the negotiated hash, MD5 and SHA-1 included.
        if (_hash == HashAlgorithmName.MD5)
        {
            return MD5.HashData(input);
        }

        if (_hash == HashAlgorithmName.SHA1)
        {
            return SHA1.HashData(input);
        }
#pragma warning restore CA5351, CA5350

        if (_hash == HashAlgorithmName.SHA384)
        {
            return SHA384.HashData(input);
        }

        return _hash == HashAlgorithmName.SHA512 ? SHA512.HashData(input) : SHA256.HashData(input);
    }

    private byte[] Truncate(byte[] digest) => digest.AsSpan(0, Math.Min(_cipher.BlockSize, digest.Length)).ToArray();

    private static ulong Fingerprint(ReadOnlySpan<byte> blocks, uint messageId) =>
        System.IO.Hashing.XxHash64.HashToUInt64(blocks, messageId);
}
