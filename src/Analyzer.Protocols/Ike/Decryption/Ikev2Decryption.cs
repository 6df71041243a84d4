using System.Buffers.Binary;
using System.Security.Cryptography;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Ike.Decryption;

/// <summary>What became of an IKEv2 SK or SKF payload vpndiag had keys for.</summary>
public enum Ikev2DecryptionStatus : byte
{
    Decrypted,
    /// <summary>The integrity checksum (or the AEAD tag) does not match: wrong keys, or the message was changed.</summary>
    IntegrityMismatch,
    /// <summary>The message has no SK/SKF payload, or it is too short for IV, one block and ICV.</summary>
    Malformed,
    /// <summary>The keys are for a cipher vpndiag cannot run.</summary>
    Unsupported,
}

/// <summary>
/// Decrypts one IKEv2 message's Encrypted payload (RFC 7296 §3.14) or Encrypted Fragment
/// (RFC 7383 §2.5, each fragment protected on its own) with System.Security.Cryptography: the
/// integrity checksum over the message up to the ICV is checked first; AES-GCM (RFC 5282) uses
/// salt|IV as nonce and the message up to the IV as associated data. SK_ei/SK_ai protect what the
/// original initiator sends (I flag), SK_er/SK_ar what the original responder sends.
/// </summary>
public static class Ikev2Decryption
{
    private const int HeaderBytes = 28;
    private const int GenericHeaderBytes = 4;
    private const int FragmentFieldsBytes = 4;
    private const int MaxDigestBytes = 64;

    /// <param name="message">The whole IKEv2 message from its header, exactly its length.</param>
    /// <param name="plain">The decrypted inner payload chain (padding removed).</param>
    /// <param name="firstInner">The first inner payload's type (the SK/SKF payload's next-payload field; 0 in later fragments).</param>
    /// <param name="fragment">For SKF: fragment number and total; null for SK.</param>
    public static Ikev2DecryptionStatus TryDecrypt(ReadOnlySpan<byte> message, Ikev2SaKey key, out byte[] plain, out PayloadType firstInner,
        out (int Number, int Total)? fragment)
    {
        ArgumentNullException.ThrowIfNull(key);
        plain = [];
        firstInner = PayloadType.None;
        fragment = null;
        if (!IsakmpReader.TryReadHeader(message, out IsakmpHeader header, out _) || !Locate(message, header, out int at, out PayloadType type))
        {
            return Ikev2DecryptionStatus.Malformed;
        }

        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(message[(at + 2)..]);
        firstInner = (PayloadType)message[at];
        int ivAt = at + GenericHeaderBytes;
        if (type == PayloadType.V2EncryptedFragment)
        {
            if (payloadLength < GenericHeaderBytes + FragmentFieldsBytes)
            {
                return Ikev2DecryptionStatus.Malformed;
            }

            fragment = (BinaryPrimitives.ReadUInt16BigEndian(message[ivAt..]), BinaryPrimitives.ReadUInt16BigEndian(message[(ivAt + 2)..]));
            ivAt += FragmentFieldsBytes;
        }

        Ikev2Encryption encryption = key.Encryption;
        int icvBytes = encryption.IsCombined ? encryption.IcvBytes : key.Integrity.IcvBytes;
        int end = at + payloadLength;
        int cipherAt = ivAt + encryption.IvBytes;
        int cipherBytes = end - icvBytes - cipherAt;
        if (end > message.Length || cipherBytes <= 0 || cipherBytes % encryption.BlockBytes != 0)
        {
            return Ikev2DecryptionStatus.Malformed;
        }

        bool fromInitiator = header.V2Initiator;
        byte[] encryptionKey = fromInitiator ? key.InitiatorEncryptionKey : key.ResponderEncryptionKey;
        ReadOnlySpan<byte> iv = message.Slice(ivAt, encryption.IvBytes);
        ReadOnlySpan<byte> ciphertext = message.Slice(cipherAt, cipherBytes);
        ReadOnlySpan<byte> icv = message.Slice(end - icvBytes, icvBytes);
        byte[] output = new byte[cipherBytes];
        try
        {
            switch (encryption.Mode)
            {
                case Ikev2CipherMode.AesGcm:
                    if (!AesGcm.IsSupported || icvBytes < 12)
                    {
                        return Ikev2DecryptionStatus.Unsupported;
                    }

                    using (var gcm = new AesGcm(encryptionKey.AsSpan(0, encryption.KeyBytes), icvBytes))
                    {
                        Span<byte> nonce = stackalloc byte[12];
                        encryptionKey.AsSpan(encryption.KeyBytes, 4).CopyTo(nonce);
                        iv.CopyTo(nonce[4..]);
                        gcm.Decrypt(nonce, ciphertext, icv, output, message[..ivAt]);
                    }

                    break;
                default:
                    if (!IntegrityMatches(key, fromInitiator, message[..(end - icvBytes)], icv))
                    {
                        return Ikev2DecryptionStatus.IntegrityMismatch;
                    }

                    if (!Decrypt(encryption, encryptionKey, iv, ciphertext, output))
                    {
                        return Ikev2DecryptionStatus.Unsupported;
                    }

                    break;
            }
        }
        catch (AuthenticationTagMismatchException)
        {
            return Ikev2DecryptionStatus.IntegrityMismatch;
        }
        catch (CryptographicException)
        {
            return Ikev2DecryptionStatus.Unsupported;
        }

        // RFC 7296 §3.14: the last byte is the pad length; the padding's content is not specified.
        int padLength = output[^1];
        if (padLength + 1 > output.Length)
        {
            return Ikev2DecryptionStatus.Malformed;
        }

        plain = output[..(output.Length - padLength - 1)];
        return Ikev2DecryptionStatus.Decrypted;
    }

    /// <summary>Finds the SK or SKF payload: normally first, after any unencrypted payloads.</summary>
    private static bool Locate(ReadOnlySpan<byte> message, in IsakmpHeader header, out int at, out PayloadType type)
    {
        at = HeaderBytes;
        type = header.FirstPayload;
        int end = (int)Math.Min(header.Length, (uint)message.Length);
        while (type is not (PayloadType.V2Encrypted or PayloadType.V2EncryptedFragment))
        {
            if (type == PayloadType.None || at + GenericHeaderBytes > end)
            {
                return false;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(message[(at + 2)..]);
            if (length < GenericHeaderBytes)
            {
                return false;
            }

            type = (PayloadType)message[at];
            at += length;
        }

        return at + GenericHeaderBytes <= end;
    }

    private static bool IntegrityMatches(Ikev2SaKey key, bool fromInitiator, ReadOnlySpan<byte> covered, ReadOnlySpan<byte> icv)
    {
        Ikev2Integrity integrity = key.Integrity;
        if (!integrity.Checked)
        {
            return true;
        }

        byte[] integrityKey = fromInitiator ? key.InitiatorIntegrityKey : key.ResponderIntegrityKey;
        Span<byte> digest = stackalloc byte[MaxDigestBytes];
        HashAlgorithmName hash = integrity.Hash!.Value;
#pragma warning disable CA5350, CA5351 // HMAC-MD5/SHA-1 are what the peers negotiated.
        int written = hash == HashAlgorithmName.MD5 ? HMACMD5.HashData(integrityKey, covered, digest)
            : hash == HashAlgorithmName.SHA1 ? HMACSHA1.HashData(integrityKey, covered, digest)
            : hash == HashAlgorithmName.SHA384 ? HMACSHA384.HashData(integrityKey, covered, digest)
            : hash == HashAlgorithmName.SHA512 ? HMACSHA512.HashData(integrityKey, covered, digest)
            : HMACSHA256.HashData(integrityKey, covered, digest);
#pragma warning restore CA5350, CA5351
        return written >= icv.Length && CryptographicOperations.FixedTimeEquals(digest[..icv.Length], icv);
    }

    private static bool Decrypt(Ikev2Encryption encryption, byte[] key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, Span<byte> output)
    {
        switch (encryption.Mode)
        {
            case Ikev2CipherMode.Null:
                ciphertext.CopyTo(output);
                return true;
            case Ikev2CipherMode.AesCbc:
                using (var aes = Aes.Create())
                {
                    aes.Key = key;
                    return aes.TryDecryptCbc(ciphertext, iv, output, out _, PaddingMode.None);
                }

            case Ikev2CipherMode.TripleDesCbc:
#pragma warning disable CA5350 // 3DES is what the peers negotiated.
                using (var des = TripleDES.Create())
#pragma warning restore CA5350
                {
                    des.Key = key;
                    return des.TryDecryptCbc(ciphertext, iv, output, out _, PaddingMode.None);
                }

            case Ikev2CipherMode.AesCtr:
                using (var ctr = Aes.Create())
                {
                    ctr.Key = key[..encryption.KeyBytes];
                    Span<byte> counter = stackalloc byte[16];
                    Span<byte> stream = stackalloc byte[16];
                    for (int offset = 0, block = 1; offset < ciphertext.Length; offset += 16, block++)
                    {
                        key.AsSpan(encryption.KeyBytes, 4).CopyTo(counter);
                        iv.CopyTo(counter[4..]);
                        BinaryPrimitives.WriteUInt32BigEndian(counter[12..], (uint)block);
                        ctr.EncryptEcb(counter, stream, PaddingMode.None);
                        for (int i = 0; i < 16 && offset + i < ciphertext.Length; i++)
                        {
                            output[offset + i] = (byte)(ciphertext[offset + i] ^ stream[i]);
                        }
                    }
                }

                return true;
            default:
                return false;
        }
    }
}
