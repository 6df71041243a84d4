using System.Security.Cryptography;
using Analyzer.Protocols.Esp;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Tests.Esp;

public sealed class EspSaDecryptorTests
{
    private static readonly byte[] Inner = [.. "\u0045\u0000 pretend this is an inner IPv4 packet with some bytes"u8.ToArray()];

    public static TheoryData<EspEncryption, int, EspIntegrity, int> Suites => new()
    {
        { EspEncryption.AesCbc, 16, EspIntegrity.HmacSha1With96, 20 },
        { EspEncryption.AesCbc, 24, EspIntegrity.HmacSha256With128, 32 },
        { EspEncryption.AesCbc, 32, EspIntegrity.HmacSha256With128, 32 },
        { EspEncryption.AesCbc, 32, EspIntegrity.HmacSha384With192, 48 },
        { EspEncryption.AesCbc, 32, EspIntegrity.HmacSha512With256, 64 },
        { EspEncryption.AesCbc, 16, EspIntegrity.HmacSha256With96, 32 },
        { EspEncryption.TripleDesCbc, 24, EspIntegrity.HmacMd5With96, 16 },
        { EspEncryption.TripleDesCbc, 24, EspIntegrity.HmacSha1With96, 20 },
        { EspEncryption.AesCtr, 20, EspIntegrity.HmacSha1With96, 20 },
        { EspEncryption.AesCtr, 36, EspIntegrity.HmacSha256With128, 32 },
        { EspEncryption.AesGcm16, 20, EspIntegrity.Null, 0 },
        { EspEncryption.AesGcm16, 36, EspIntegrity.Null, 0 },
        { EspEncryption.AesGcm12, 28, EspIntegrity.Null, 0 },
        { EspEncryption.Null, 0, EspIntegrity.HmacSha256With128, 32 },
    };

    [Theory]
    [MemberData(nameof(Suites))]
    public void Packets_encrypted_by_dotnet_decrypt_to_the_inner_packet_and_next_header(EspEncryption encryption, int keyBytes, EspIntegrity integrity, int integrityBytes)
    {
        EspSaKey key = Key(encryption, keyBytes, integrity, integrityBytes);
        using var decryptor = new EspSaDecryptor(key);
        Assert.Null(decryptor.UnsupportedReason);
        for (int length = 0; length < 40; length += 7)
        {
            byte[] esp = EspPacketBuilder.Build(key, 0x1234, (uint)length + 1, Inner.AsSpan(0, length), 17);
            byte[] output = new byte[esp.Length];
            Assert.Equal(EspDecryptionStatus.Decrypted, decryptor.TryDecrypt(esp, output, out byte next, out int innerLength));
            Assert.Equal(17, next);
            Assert.Equal(Inner.AsSpan(0, length).ToArray(), output.AsSpan(0, innerLength).ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void One_flipped_bit_anywhere_but_in_a_null_cipher_is_an_icv_mismatch(EspEncryption encryption, int keyBytes, EspIntegrity integrity, int integrityBytes)
    {
        EspSaKey key = Key(encryption, keyBytes, integrity, integrityBytes);
        using var decryptor = new EspSaDecryptor(key);
        byte[] esp = EspPacketBuilder.Build(key, 0x1234, 7, Inner, 4);
        foreach (int at in (int[])[4, 8, esp.Length / 2, esp.Length - 1])
        {
            byte[] altered = (byte[])esp.Clone();
            altered[at] ^= 0x10;
            Assert.Equal(EspDecryptionStatus.IcvMismatch, decryptor.TryDecrypt(altered, new byte[esp.Length], out _, out _));
        }
    }

    [Fact]
    public void A_wrong_encryption_key_without_integrity_shows_as_bad_padding()
    {
        EspSaKey right = Key(EspEncryption.AesCbc, 16, EspIntegrity.Null, 0);
        EspSaKey wrong = Key(EspEncryption.AesCbc, 16, EspIntegrity.Null, 0);
        byte[] esp = EspPacketBuilder.Build(right, 1, 1, Inner.AsSpan(0, 30), 17);
        using var decryptor = new EspSaDecryptor(wrong);
        Assert.Equal(EspDecryptionStatus.BadPadding, decryptor.TryDecrypt(esp, new byte[esp.Length], out _, out _));
    }

    [Fact]
    public void A_packet_shorter_than_iv_icv_and_trailer_is_truncated_not_an_error()
    {
        EspSaKey key = Key(EspEncryption.AesCbc, 16, EspIntegrity.HmacSha1With96, 20);
        using var decryptor = new EspSaDecryptor(key);
        byte[] esp = EspPacketBuilder.Build(key, 1, 1, Inner, 4);
        Assert.Equal(EspDecryptionStatus.Truncated, decryptor.TryDecrypt(esp.AsSpan(0, 30), new byte[esp.Length], out _, out _));
        Assert.Equal(EspDecryptionStatus.Truncated, decryptor.TryDecrypt(esp.AsSpan(0, esp.Length - 5), new byte[esp.Length], out _, out _));
    }

    [Fact]
    public void Aes_gcm_with_an_8_byte_icv_is_named_unsupported_because_dotnet_lacks_that_tag_size()
    {
        using var decryptor = new EspSaDecryptor(Key(EspEncryption.AesGcm8, 20, EspIntegrity.Null, 0));
        Assert.Contains("8-byte ICV", decryptor.UnsupportedReason, StringComparison.Ordinal);
        Assert.Equal(EspDecryptionStatus.Unsupported, decryptor.TryDecrypt(new byte[64], new byte[64], out _, out _));
    }

    [Fact]
    public void Des_cbc_decrypts_where_the_platform_offers_des_and_says_why_not_where_it_does_not()
    {
        EspSaKey key = Key(EspEncryption.DesCbc, 8, EspIntegrity.HmacSha1With96, 20);
        using var decryptor = new EspSaDecryptor(key);
        if (decryptor.UnsupportedReason is string reason)
        {
            Assert.Contains("platform", reason, StringComparison.Ordinal);
            return;
        }

        byte[] esp = EspPacketBuilder.Build(key, 9, 1, Inner, 4);
        Assert.Equal(EspDecryptionStatus.Decrypted, decryptor.TryDecrypt(esp, new byte[esp.Length], out byte next, out int length));
        Assert.Equal(4, next);
        Assert.Equal(Inner.Length, length);
    }

    [Fact]
    public void Padding_that_does_not_count_up_from_one_is_bad_padding_even_with_a_good_icv()
    {
        EspSaKey key = Key(EspEncryption.Null, 0, EspIntegrity.HmacSha1With96, 20);
        byte[] esp = EspPacketBuilder.Build(key, 1, 1, Inner.AsSpan(0, 5), 17);
        // Rewrite the trailer by hand (pad length 2 with padding 9 9) and re-sign it.
        int trailer = esp.Length - 12 - 2;
        esp[trailer] = 2;
        esp[trailer - 1] = 9;
        esp[trailer - 2] = 9;
#pragma warning disable CA5350
        byte[] icv = HMACSHA1.HashData(key.IntegrityKey, esp.AsSpan(0, esp.Length - 12))[..12];
#pragma warning restore CA5350
        icv.CopyTo(esp, esp.Length - 12);
        using var decryptor = new EspSaDecryptor(key);
        Assert.Equal(EspDecryptionStatus.BadPadding, decryptor.TryDecrypt(esp, new byte[esp.Length], out _, out _));
    }

    internal static EspSaKey Key(EspEncryption encryption, int keyBytes, EspIntegrity integrity, int integrityBytes) => new()
    {
        Spi = null,
        Encryption = encryption,
        EncryptionKey = RandomNumberGenerator.GetBytes(keyBytes),
        Integrity = integrity,
        IntegrityKey = RandomNumberGenerator.GetBytes(integrityBytes),
        Origin = "test",
    };
}
