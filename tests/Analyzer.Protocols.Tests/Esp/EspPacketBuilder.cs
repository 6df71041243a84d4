using System.Buffers.Binary;
using System.Security.Cryptography;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Tests.Esp;

/// <summary>
/// Builds ESP packets the way RFC 4303 senders do (padding 1, 2, 3…, pad length, next header,
/// then the ICV over SPI to trailer), encrypting with .NET, so the decryptor is tested against an
/// independent encryption of the same RFC rules rather than against itself.
/// </summary>
internal static class EspPacketBuilder
{
    /// <summary>
    /// <paramref name="sequenceHigh"/>: the SA uses Extended Sequence Numbers (RFC 4303 §2.2.1) and these
    /// are the high 32 bits, which are not sent: they follow the packet in the ICV input (§3.3.2.1), and
    /// AES-GCM's AAD is SPI | high | low (RFC 4106 §5).
    /// </summary>
    public static byte[] Build(EspSaKey key, uint spi, uint sequence, ReadOnlySpan<byte> inner, byte nextHeader, byte[]? iv = null, uint? sequenceHigh = null)
    {
        int ivBytes = EspAlgorithms.IvBytes(key.Encryption);
        int block = EspAlgorithms.BlockBytes(key.Encryption);
        iv ??= RandomNumberGenerator.GetBytes(ivBytes);
        int unpadded = inner.Length + 2;
        int padLength = (block - (unpadded % block)) % block;
        byte[] plain = new byte[unpadded + padLength];
        inner.CopyTo(plain);
        for (int i = 0; i < padLength; i++)
        {
            plain[inner.Length + i] = (byte)(i + 1);
        }

        plain[^2] = (byte)padLength;
        plain[^1] = nextHeader;

        byte[] header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, spi);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), sequence);
        byte[] cipher;
        byte[] icv = [];
        byte[] salt = key.EncryptionKey.Length >= 4 ? key.EncryptionKey[^4..] : [];
        switch (key.Encryption)
        {
            case EspEncryption.Null:
                cipher = plain;
                break;
            case EspEncryption.AesCbc:
                using (var aes = Aes.Create())
                {
                    aes.Key = key.EncryptionKey;
                    cipher = aes.EncryptCbc(plain, iv, PaddingMode.None);
                }

                break;
#pragma warning disable CA5350, CA5351 // test traffic with the weak ciphers peers still negotiate
            case EspEncryption.TripleDesCbc:
                using (var des3 = TripleDES.Create())
                {
                    des3.Key = key.EncryptionKey;
                    cipher = des3.EncryptCbc(plain, iv, PaddingMode.None);
                }

                break;
            case EspEncryption.DesCbc:
                using (var des = DES.Create())
                {
                    des.Key = key.EncryptionKey;
                    cipher = des.EncryptCbc(plain, iv, PaddingMode.None);
                }

                break;
#pragma warning restore CA5350, CA5351
            case EspEncryption.AesCtr:
                cipher = CounterMode(key.EncryptionKey[..^4], salt, iv, plain);
                break;
            case EspEncryption.AesGcm12:
            case EspEncryption.AesGcm16:
                int tag = EspAlgorithms.IcvBytes(key.Encryption);
                using (var gcm = new AesGcm(key.EncryptionKey[..^4], tag))
                {
                    byte[] nonce = [.. salt, .. iv];
                    cipher = new byte[plain.Length];
                    icv = new byte[tag];
                    byte[] aad = header;
                    if (sequenceHigh is uint gcmHigh)
                    {
                        aad = new byte[12];
                        header.AsSpan(0, 4).CopyTo(aad);
                        BinaryPrimitives.WriteUInt32BigEndian(aad.AsSpan(4), gcmHigh);
                        header.AsSpan(4, 4).CopyTo(aad.AsSpan(8));
                    }

                    gcm.Encrypt(nonce, plain, cipher, icv, aad);
                }

                break;
            default:
                throw new NotSupportedException(key.Encryption.ToString());
        }

        byte[] withoutIcv = [.. header, .. iv, .. cipher];
        if (!EspAlgorithms.IsCombined(key.Encryption))
        {
            byte[] authenticated = withoutIcv;
            if (sequenceHigh is uint high)
            {
                authenticated = [.. withoutIcv, 0, 0, 0, 0];
                BinaryPrimitives.WriteUInt32BigEndian(authenticated.AsSpan(withoutIcv.Length), high);
            }

            icv = Icv(key, authenticated);
        }

        return [.. withoutIcv, .. icv];
    }

    /// <summary>The ICV written independently of the decryptor: .NET's HMAC objects, truncated.</summary>
    private static byte[] Icv(EspSaKey key, byte[] data)
    {
        int bytes = EspAlgorithms.IcvBytes(key.Integrity);
#pragma warning disable CA5350, CA5351
        using HMAC? hmac = key.Integrity switch
        {
            EspIntegrity.HmacMd5With96 => new HMACMD5(key.IntegrityKey),
            EspIntegrity.HmacSha1With96 => new HMACSHA1(key.IntegrityKey),
            EspIntegrity.HmacSha256With96 or EspIntegrity.HmacSha256With128 => new HMACSHA256(key.IntegrityKey),
            EspIntegrity.HmacSha384With192 => new HMACSHA384(key.IntegrityKey),
            EspIntegrity.HmacSha512With256 => new HMACSHA512(key.IntegrityKey),
            _ => null,
        };
#pragma warning restore CA5350, CA5351
        return hmac is null ? new byte[bytes] : hmac.ComputeHash(data)[..bytes];
    }

    private static byte[] CounterMode(byte[] key, byte[] nonce, byte[] iv, byte[] plain)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        byte[] output = new byte[plain.Length];
        byte[] counter = new byte[16];
        for (int offset = 0, blockNumber = 1; offset < plain.Length; offset += 16, blockNumber++)
        {
            nonce.CopyTo(counter, 0);
            iv.CopyTo(counter, 4);
            BinaryPrimitives.WriteUInt32BigEndian(counter.AsSpan(12), (uint)blockNumber);
            byte[] stream = aes.EncryptEcb(counter, PaddingMode.None);
            for (int i = 0; i < 16 && offset + i < plain.Length; i++)
            {
                output[offset + i] = (byte)(plain[offset + i] ^ stream[i]);
            }
        }

        return output;
    }
}
