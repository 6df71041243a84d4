using Analyzer.Core;
using Analyzer.Protocols.Esp;
using Analyzer.Protocols.Keys;

namespace Analyzer.Protocols.Tests.Esp;

/// <summary>
/// ESP with 64-bit Extended Sequence Numbers (RFC 4303 §2.2.1): the high 32 bits are not sent but
/// enter the ICV (or AES-GCM's AAD); packets built to the RFC (constructed, not captured) decrypt
/// when the key source says the SA uses ESN, and the high bits are followed across a wrap of the low 32.
/// </summary>
public sealed class EspExtendedSequenceNumberTests
{
    private static readonly byte[] Inner = [.. System.Text.Encoding.ASCII.GetBytes("constructed ESN packet, RFC 4303 2.2.1")];

    public static TheoryData<EspEncryption, int, EspIntegrity, int> Suites => new()
    {
        { EspEncryption.AesCbc, 16, EspIntegrity.HmacSha1With96, 20 },
        { EspEncryption.AesCbc, 32, EspIntegrity.HmacSha256With128, 32 },
        { EspEncryption.AesGcm16, 20, EspIntegrity.Null, 0 },
    };

    [Theory]
    [MemberData(nameof(Suites))]
    public void An_esn_sa_decrypts_with_the_high_bits_the_key_source_last_saw(EspEncryption encryption, int keyBytes, EspIntegrity integrity, int integrityBytes)
    {
        EspSaKey key = Key(encryption, keyBytes, integrity, integrityBytes, esn: true, high: 7);
        using var decryptor = new EspSaDecryptor(key);
        byte[] esp = EspPacketBuilder.Build(key, 0x1234, 5, Inner, 17, sequenceHigh: 7);
        Assert.Equal(EspDecryptionStatus.Decrypted, decryptor.TryDecrypt(esp, new byte[esp.Length], out byte next, out _));
        Assert.Equal(17, next);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void The_high_bits_follow_the_low_32_bits_across_their_wrap(EspEncryption encryption, int keyBytes, EspIntegrity integrity, int integrityBytes)
    {
        EspSaKey key = Key(encryption, keyBytes, integrity, integrityBytes, esn: true, high: 0);
        using var decryptor = new EspSaDecryptor(key);
        foreach ((uint low, uint high) in new[] { (0xFFFFFFFEu, 0u), (0xFFFFFFFFu, 0u), (0u, 1u), (1u, 1u), (2u, 1u) })
        {
            byte[] esp = EspPacketBuilder.Build(key, 0x1234, low, Inner, 4, sequenceHigh: high);
            Assert.Equal(EspDecryptionStatus.Decrypted, decryptor.TryDecrypt(esp, new byte[esp.Length], out _, out _));
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Without_the_esn_flag_an_esn_packet_fails_its_integrity_check(EspEncryption encryption, int keyBytes, EspIntegrity integrity, int integrityBytes)
    {
        EspSaKey key = Key(encryption, keyBytes, integrity, integrityBytes, esn: false, high: 0);
        using var decryptor = new EspSaDecryptor(key);
        byte[] esp = EspPacketBuilder.Build(key, 0x1234, 5, Inner, 17, sequenceHigh: 3);
        Assert.Equal(EspDecryptionStatus.IcvMismatch, decryptor.TryDecrypt(esp, new byte[esp.Length], out _, out _));
    }

    [Fact]
    public void High_bits_far_from_the_hint_are_not_guessed()
    {
        EspSaKey key = Key(EspEncryption.AesCbc, 16, EspIntegrity.HmacSha1With96, 20, esn: true, high: 0);
        using var decryptor = new EspSaDecryptor(key);
        byte[] esp = EspPacketBuilder.Build(key, 0x1234, 5, Inner, 17, sequenceHigh: 40);
        Assert.Equal(EspDecryptionStatus.IcvMismatch, decryptor.TryDecrypt(esp, new byte[esp.Length], out _, out _));
    }

    [Fact]
    public void Ip_xfrm_state_flag_esn_and_seq_hi_mark_the_sa()
    {
        // iproute2 ipxfrm.c: the state flags after "flag", and the ESN replay context's seq-hi/oseq-hi.
        const string state = """
            src 203.0.113.10 dst 198.51.100.20
            	proto esp spi 0x92479477(2454115447) reqid 1(0x00000001) mode transport
            	replay-window 0 seq 0x00000000 flag af-unspec esn (0x00100080)
            	auth-trunc hmac(sha256) 0x02bbf52b59b8caa997fa5a85f2a032fb770da8d048abafe28c0f061cdcf31afd (256 bits) 128
            	enc cbc(aes) 0x82967fd7e7b5b1405ac31067f9cd6e5fb1881db14ca986e61bdc1b760501256f (256 bits)
            	anti-replay esn context:
            	 seq-hi 0x2, seq 0x10, oseq-hi 0x0, oseq 0x0
            	 replay_window 128, bitmap-length 4
            src 198.51.100.20 dst 203.0.113.10
            	proto esp spi 0x2a1c49d6 reqid 1 mode transport
            	replay-window 32 flag af-unspec
            	aead rfc4106(gcm(aes)) 0x111e9e69a23cb3c827d27689fcc85add11223344 128
            """;
        var store = new KeyStore();
        KeyReadResult result = XfrmStateReader.Read(new StringReader(state), "xfrm", store);
        Assert.Equal(2, result.Keys);
        EspSaKey esn = Assert.IsType<EspSaKey>(store.FindEsp(0x92479477, NetAddress.Parse("203.0.113.10"), NetAddress.Parse("198.51.100.20")));
        Assert.True(esn.ExtendedSequenceNumbers);
        Assert.Equal(2u, esn.SequenceHighHint);
        EspSaKey plain = Assert.IsType<EspSaKey>(store.FindEsp(0x2a1c49d6, NetAddress.Parse("198.51.100.20"), NetAddress.Parse("203.0.113.10")));
        Assert.False(plain.ExtendedSequenceNumbers);
    }

    private static EspSaKey Key(EspEncryption encryption, int keyBytes, EspIntegrity integrity, int integrityBytes, bool esn, uint high) => new()
    {
        Spi = 0x1234,
        Encryption = encryption,
        EncryptionKey = [.. Enumerable.Range(1, keyBytes).Select(i => (byte)i)],
        Integrity = integrity,
        IntegrityKey = [.. Enumerable.Range(100, integrityBytes).Select(i => (byte)i)],
        ExtendedSequenceNumbers = esn,
        SequenceHighHint = high,
        Origin = "constructed",
    };
}
