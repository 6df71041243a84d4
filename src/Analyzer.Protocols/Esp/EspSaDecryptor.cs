using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Security.Cryptography;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Esp;

/// <summary>
/// Decrypts the packets of one ESP SA (RFC 4303 §2-3.4) with System.Security.Cryptography only:
/// the ICV is checked first, then the payload decrypted, then the trailer's padding (§2.4: 1, 2,
/// 3…) and next header checked. Cipher objects are made once per SA and reused; each packet
/// decrypts into the caller's buffer, so a packet costs no allocation. Not thread-safe: one
/// instance per decoding thread.
/// </summary>
public sealed class EspSaDecryptor : IDisposable
{
    private const int HeaderBytes = 8;
    private const int MaxDigestBytes = 64;
    private const int AesBlock = 16;

    private readonly EspSaKey _key;
    private readonly SymmetricAlgorithm? _cipher;
    private readonly ICryptoTransform? _blockDecryptor;
    private readonly IncrementalHash? _hmac;
    private readonly AesGcm? _gcm;
    private readonly int _ivBytes;
    private readonly int _icvBytes;
    private readonly int _blockBytes;
    private byte[] _scratch = [];

    /// <summary>ESN only: the high 32 bits that verified last (RFC 4303 Appendix A: the receiver infers them; they move by one at a time).</summary>
    private uint _sequenceHigh;

    public EspSaDecryptor(EspSaKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _ivBytes = EspAlgorithms.IvBytes(key.Encryption);
        _blockBytes = EspAlgorithms.BlockBytes(key.Encryption);
        _icvBytes = EspAlgorithms.IsCombined(key.Encryption) ? EspAlgorithms.IcvBytes(key.Encryption) : EspAlgorithms.IcvBytes(key.Integrity);
        UnsupportedReason = Prepare(key, out _cipher, out _gcm);
        _sequenceHigh = key.SequenceHighHint;
        if (UnsupportedReason is null)
        {
            // One keyed context each for the SA's life: the one-shot HMAC and TryDecryptCbc calls
            // set up a new cipher or MAC context and key per packet, which was most of the cost of
            // decrypting (docs/performance.md, run 1b of issue 21).
            _hmac = Hmac(key);
            if (key.Encryption is not (EspEncryption.Null or EspEncryption.AesCtr) && _cipher is not null)
            {
                _cipher.Mode = CipherMode.ECB;
                _cipher.Padding = PaddingMode.None;
                _blockDecryptor = _cipher.CreateDecryptor();
            }
        }
    }

    public EspSaKey Key => _key;

    /// <summary>Why this SA's packets cannot be decrypted here; null when they can.</summary>
    public string? UnsupportedReason { get; }

    /// <summary>
    /// Decrypts <paramref name="esp"/> (from the SPI to the ICV, whole) into <paramref name="destination"/>
    /// (at least as long as <paramref name="esp"/>); on success <paramref name="length"/> is the inner
    /// packet's length and <paramref name="nextHeader"/> its protocol (4 and 41: tunnel mode).
    /// </summary>
    public EspDecryptionStatus TryDecrypt(ReadOnlySpan<byte> esp, Span<byte> destination, out byte nextHeader, out int length)
    {
        nextHeader = 0;
        length = 0;
        if (UnsupportedReason is not null)
        {
            return EspDecryptionStatus.Unsupported;
        }

        int cipherBytes = esp.Length - HeaderBytes - _ivBytes - _icvBytes;
        if (cipherBytes < 2 || cipherBytes % _blockBytes != 0 || destination.Length < cipherBytes)
        {
            return EspDecryptionStatus.Truncated;
        }

        ReadOnlySpan<byte> iv = esp.Slice(HeaderBytes, _ivBytes);
        ReadOnlySpan<byte> ciphertext = esp.Slice(HeaderBytes + _ivBytes, cipherBytes);
        ReadOnlySpan<byte> icv = esp[^_icvBytes..];
        Span<byte> plain = destination[..cipherBytes];
        if (_gcm is not null)
        {
            // RFC 4106 §4-5: nonce = salt | explicit IV; AAD = SPI | sequence number, or with ESN
            // SPI | high 32 bits | low 32 bits.
            Span<byte> nonce = stackalloc byte[12];
            _key.EncryptionKey.AsSpan(_key.EncryptionKey.Length - 4).CopyTo(nonce);
            iv.CopyTo(nonce[4..]);
            if (!GcmOpens(esp, nonce, ciphertext, icv, plain))
            {
                return EspDecryptionStatus.IcvMismatch;
            }
        }
        else
        {
            if (!IcvMatchesWithSequence(esp[..^_icvBytes], icv))
            {
                return EspDecryptionStatus.IcvMismatch;
            }

            switch (_key.Encryption)
            {
                case EspEncryption.Null:
                    ciphertext.CopyTo(plain);
                    break;
                case EspEncryption.AesCtr:
                    DecryptCounterMode(iv, ciphertext, plain);
                    break;
                default:
                    DecryptCbc(iv, ciphertext, plain);
                    break;
            }
        }

        return ReadTrailer(plain, out nextHeader, out length);
    }

    /// <summary>RFC 4303 §2.4-2.6: pad length and next header end the plaintext; the padding counts 1, 2, 3….</summary>
    private static EspDecryptionStatus ReadTrailer(ReadOnlySpan<byte> plain, out byte nextHeader, out int length)
    {
        nextHeader = plain[^1];
        int padLength = plain[^2];
        length = plain.Length - 2 - padLength;
        if (length < 0)
        {
            length = 0;
            return EspDecryptionStatus.BadPadding;
        }

        ReadOnlySpan<byte> padding = plain.Slice(length, padLength);
        for (int i = 0; i < padding.Length; i++)
        {
            if (padding[i] != (byte)(i + 1))
            {
                return EspDecryptionStatus.BadPadding;
            }
        }

        return EspDecryptionStatus.Decrypted;
    }

    /// <summary>
    /// Without ESN the ICV covers the packet as sent. With ESN (RFC 4303 §2.2.1, §3.3.2.1) it covers
    /// the packet followed by the high 32 bits of the sequence number, which are not sent: the last
    /// value that verified is tried first, then the next and the previous (the low 32 bits wrapped
    /// forward, or a packet from before the wrap arrived late).
    /// </summary>
    private bool IcvMatchesWithSequence(ReadOnlySpan<byte> authenticated, ReadOnlySpan<byte> icv)
    {
        if (!_key.ExtendedSequenceNumbers)
        {
            return IcvMatches(authenticated, [], icv);
        }

        Span<byte> high = stackalloc byte[4];
        foreach (uint candidate in (ReadOnlySpan<uint>)[_sequenceHigh, unchecked(_sequenceHigh + 1), unchecked(_sequenceHigh - 1)])
        {
            BinaryPrimitives.WriteUInt32BigEndian(high, candidate);
            if (IcvMatches(authenticated, high, icv))
            {
                _sequenceHigh = candidate;
                return true;
            }
        }

        return false;
    }

    private bool GcmOpens(ReadOnlySpan<byte> esp, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plain)
    {
        if (!_key.ExtendedSequenceNumbers)
        {
            return GcmDecrypts(nonce, ciphertext, tag, plain, esp[..HeaderBytes]);
        }

        Span<byte> aad = stackalloc byte[12];
        esp[..4].CopyTo(aad);
        esp.Slice(4, 4).CopyTo(aad[8..]);
        foreach (uint candidate in (ReadOnlySpan<uint>)[_sequenceHigh, unchecked(_sequenceHigh + 1), unchecked(_sequenceHigh - 1)])
        {
            BinaryPrimitives.WriteUInt32BigEndian(aad[4..], candidate);
            if (GcmDecrypts(nonce, ciphertext, tag, plain, aad))
            {
                _sequenceHigh = candidate;
                return true;
            }
        }

        return false;
    }

    private bool GcmDecrypts(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plain, ReadOnlySpan<byte> aad)
    {
        try
        {
            _gcm!.Decrypt(nonce, ciphertext, tag, plain, aad);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private bool IcvMatches(ReadOnlySpan<byte> authenticated, ReadOnlySpan<byte> sequenceHigh, ReadOnlySpan<byte> icv)
    {
        if (_hmac is null)
        {
            // Null integrity, or Wireshark's "ANY n bit": the length is known, the key is not; nothing to check.
            return true;
        }

        Span<byte> digest = stackalloc byte[MaxDigestBytes];
        _hmac.AppendData(authenticated);

        // With ESN the high 32 bits, which are not sent, follow the packet (RFC 4303 §3.3.2.1); empty otherwise.
        _hmac.AppendData(sequenceHigh);
        int written = _hmac.GetHashAndReset(digest);
        return written >= icv.Length && CryptographicOperations.FixedTimeEquals(digest[..icv.Length], icv);
    }

    /// <summary>The SA's HMAC (RFC 4303 §3.3.2, truncated when compared); null where nothing is checked.</summary>
    private static IncrementalHash? Hmac(EspSaKey key)
    {
        HashAlgorithmName? hash = key.Integrity switch
        {
            EspIntegrity.HmacMd5With96 => HashAlgorithmName.MD5,
            EspIntegrity.HmacSha1With96 => HashAlgorithmName.SHA1,
            EspIntegrity.HmacSha256With96 or EspIntegrity.HmacSha256With128 => HashAlgorithmName.SHA256,
            EspIntegrity.HmacSha384With192 => HashAlgorithmName.SHA384,
            EspIntegrity.HmacSha512With256 => HashAlgorithmName.SHA512,
            _ => null,
        };
        return hash is HashAlgorithmName name && !EspAlgorithms.IsCombined(key.Encryption) ? IncrementalHash.CreateHMAC(name, key.IntegrityKey) : null;
    }

    /// <summary>
    /// CBC decryption (RFC 3602 §2) as the block cipher in ECB over the whole ciphertext, each block
    /// then XORed with the previous ciphertext block (the IV for the first): the ECB transform keeps
    /// one keyed context for every packet of the SA.
    /// </summary>
    private void DecryptCbc(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, Span<byte> plain)
    {
        EnsureScratch(ciphertext.Length * 2);
        ciphertext.CopyTo(_scratch);
        int decrypted = _blockDecryptor!.TransformBlock(_scratch, 0, ciphertext.Length, _scratch, ciphertext.Length);
        ReadOnlySpan<byte> blocks = _scratch.AsSpan(ciphertext.Length, decrypted);
        Xor(blocks[.._blockBytes], iv, plain);
        Xor(blocks[_blockBytes..], ciphertext[..^_blockBytes], plain[_blockBytes..]);
    }

    private static void Xor(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, Span<byte> result)
    {
        int i = 0;
        for (; i + Vector<byte>.Count <= a.Length; i += Vector<byte>.Count)
        {
            (new Vector<byte>(a[i..]) ^ new Vector<byte>(b[i..])).CopyTo(result[i..]);
        }

        for (; i < a.Length; i++)
        {
            result[i] = (byte)(a[i] ^ b[i]);
        }
    }

    private void EnsureScratch(int bytes)
    {
        if (_scratch.Length < bytes)
        {
            if (_scratch.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_scratch);
            }

            _scratch = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }

    /// <summary>
    /// RFC 3686 §4: counter block = nonce (last 4 key bytes) | IV | block counter from 1; the
    /// keystream is AES-ECB of the counter blocks (.NET has no CTR mode; ECB of the counters is CTR).
    /// </summary>
    private void DecryptCounterMode(ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, Span<byte> plain)
    {
        int blocks = (ciphertext.Length + AesBlock - 1) / AesBlock;
        int bytes = blocks * AesBlock;
        EnsureScratch(bytes * 2);

        Span<byte> counters = _scratch.AsSpan(0, bytes);
        Span<byte> stream = _scratch.AsSpan(bytes, bytes);
        ReadOnlySpan<byte> nonce = _key.EncryptionKey.AsSpan(_key.EncryptionKey.Length - 4);
        for (int b = 0; b < blocks; b++)
        {
            Span<byte> block = counters.Slice(b * AesBlock, AesBlock);
            nonce.CopyTo(block);
            iv.CopyTo(block[4..]);
            BinaryPrimitives.WriteUInt32BigEndian(block[12..], (uint)(b + 1));
        }

        _cipher!.EncryptEcb(counters, stream, PaddingMode.None);
        for (int i = 0; i < ciphertext.Length; i++)
        {
            plain[i] = (byte)(ciphertext[i] ^ stream[i]);
        }
    }

    private static string? Prepare(EspSaKey key, out SymmetricAlgorithm? cipher, out AesGcm? gcm)
    {
        cipher = null;
        gcm = null;
        if (key.Integrity == EspIntegrity.Unsupported && !EspAlgorithms.IsCombined(key.Encryption))
        {
            return "integrity algorithm not supported";
        }

        if (!EspAlgorithms.KeyFits(key.Encryption, key.EncryptionKey.Length))
        {
            return key.Encryption == EspEncryption.Unsupported ? "encryption algorithm not supported" : "the key does not fit the cipher";
        }

        try
        {
            switch (key.Encryption)
            {
                case EspEncryption.Null:
                    return null;
                case EspEncryption.AesGcm8:
                    return "AES-GCM with an 8-byte ICV: .NET's AesGcm takes 12 to 16-byte tags only";
                case EspEncryption.AesGcm12:
                case EspEncryption.AesGcm16:
                    if (!AesGcm.IsSupported)
                    {
                        return "AES-GCM is not available on this platform";
                    }

                    gcm = new AesGcm(key.EncryptionKey.AsSpan(0, key.EncryptionKey.Length - 4), EspAlgorithms.IcvBytes(key.Encryption));
                    return null;
                case EspEncryption.AesCtr:
                    cipher = Aes.Create();
                    cipher.Key = key.EncryptionKey[..^4];
                    return null;
                case EspEncryption.AesCbc:
                    cipher = Aes.Create();
                    cipher.Key = key.EncryptionKey;
                    return null;
#pragma warning disable CA5350, CA5351 // The peers negotiated DES/3DES; decrypting their traffic needs it.
                case EspEncryption.TripleDesCbc:
                    cipher = TripleDES.Create();
                    cipher.Key = key.EncryptionKey;
                    return null;
                case EspEncryption.DesCbc:
                    cipher = DES.Create();
                    cipher.Key = key.EncryptionKey;
                    return null;
#pragma warning restore CA5350, CA5351
                default:
                    return "encryption algorithm not supported";
            }
        }
        catch (CryptographicException exception)
        {
            // .NET refuses weak DES keys, and DES itself where the platform's crypto library lacks it.
            cipher?.Dispose();
            cipher = null;
            return "the platform refused the key or cipher: " + exception.Message;
        }
        catch (PlatformNotSupportedException exception)
        {
            return "the platform does not offer this cipher: " + exception.Message;
        }
    }

    public void Dispose()
    {
        _blockDecryptor?.Dispose();
        _hmac?.Dispose();
        _cipher?.Dispose();
        _gcm?.Dispose();
        if (_scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = [];
        }
    }
}
