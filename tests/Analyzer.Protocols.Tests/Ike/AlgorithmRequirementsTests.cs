using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Protocols.Tests.Ike;

/// <summary>The IKE SA's weak-algorithm table: RFC 8247 §3.1–3.4 levels, IKEv1 numbers judged as their IKEv2 equivalents.</summary>
public sealed class AlgorithmRequirementsTests
{
    [Theory]
    [InlineData(TransformRegistry.DhGroup, 22, AlgorithmRequirement.ShouldNot)]   // modp1024s160
    [InlineData(TransformRegistry.DhGroup, 2, AlgorithmRequirement.ShouldNot)]
    [InlineData(TransformRegistry.DhGroup, 1, AlgorithmRequirement.MustNot)]
    [InlineData(TransformRegistry.DhGroup, 14, AlgorithmRequirement.Must)]
    [InlineData(TransformRegistry.V2Encryption, 2, AlgorithmRequirement.MustNot)]  // ENCR_DES
    [InlineData(TransformRegistry.V2Encryption, 3, AlgorithmRequirement.May)]      // ENCR_3DES
    [InlineData(TransformRegistry.V2Encryption, 11, AlgorithmRequirement.NotListed)] // ENCR_NULL: IKE never carries it
    [InlineData(TransformRegistry.V1Encryption, 1, AlgorithmRequirement.MustNot)]  // DES-CBC
    [InlineData(TransformRegistry.V1Encryption, 7, AlgorithmRequirement.Must)]     // AES-CBC
    [InlineData(TransformRegistry.V1Hash, 1, AlgorithmRequirement.MustNot)]        // MD5 as the PRF
    [InlineData(TransformRegistry.V1Hash, 2, AlgorithmRequirement.MustMinus)]      // SHA-1
    [InlineData(TransformRegistry.V2Integrity, 12, AlgorithmRequirement.Must)]
    [InlineData(TransformRegistry.V2Prf, 1, AlgorithmRequirement.MustNot)]
    public void Requirement_follows_rfc_8247(TransformRegistry registry, int id, AlgorithmRequirement expected) =>
        Assert.Equal(expected, AlgorithmRequirements.Judge(new TransformValue(registry, id), SecurityProtocol.Ike).Requirement);

    // One theory per requirement class, one row per row of RFC 8247's tables (§3.1 encryption, §3.2 PRF,
    // §3.3 integrity, §3.4 DH groups): moving any algorithm to another level fails the class it left.

    [Theory]
    [InlineData(TransformRegistry.V2Encryption, 12)]  // §3.1 ENCR_AES_CBC
    [InlineData(TransformRegistry.V2Prf, 5)]          // §3.2 PRF_HMAC_SHA2_256
    [InlineData(TransformRegistry.V2Integrity, 12)]   // §3.3 AUTH_HMAC_SHA2_256_128
    [InlineData(TransformRegistry.DhGroup, 14)]       // §3.4 2048-bit MODP
    public void Rfc_8247_must_rows(TransformRegistry registry, int id) => AssertLevel(registry, id, AlgorithmRequirement.Must, weak: false);

    [Theory]
    [InlineData(TransformRegistry.V2Prf, 2)]          // §3.2 PRF_HMAC_SHA1
    [InlineData(TransformRegistry.V2Integrity, 2)]    // §3.3 AUTH_HMAC_SHA1_96
    public void Rfc_8247_must_minus_rows(TransformRegistry registry, int id) => AssertLevel(registry, id, AlgorithmRequirement.MustMinus, weak: false);

    [Theory]
    [InlineData(TransformRegistry.V2Prf, 7)]          // §3.2 PRF_HMAC_SHA2_512
    public void Rfc_8247_should_plus_rows(TransformRegistry registry, int id) => AssertLevel(registry, id, AlgorithmRequirement.ShouldPlus, weak: false);

    [Theory]
    [InlineData(TransformRegistry.V2Encryption, 28)]  // §3.1 ENCR_CHACHA20_POLY1305
    [InlineData(TransformRegistry.V2Encryption, 20)]  // §3.1 ENCR_AES_GCM_16
    [InlineData(TransformRegistry.V2Encryption, 14)]  // §3.1 ENCR_AES_CCM_8 [IoT]
    [InlineData(TransformRegistry.V2Prf, 4)]          // §3.2 PRF_AES128_XCBC [IoT]
    [InlineData(TransformRegistry.V2Integrity, 14)]   // §3.3 AUTH_HMAC_SHA2_512_256
    [InlineData(TransformRegistry.V2Integrity, 5)]    // §3.3 AUTH_AES_XCBC_96 [IoT]
    [InlineData(TransformRegistry.DhGroup, 19)]       // §3.4 256-bit random ECP
    public void Rfc_8247_should_rows(TransformRegistry registry, int id) => AssertLevel(registry, id, AlgorithmRequirement.Should, weak: false);

    [Theory]
    [InlineData(TransformRegistry.V2Encryption, 3)]   // §3.1 ENCR_3DES
    public void Rfc_8247_may_rows(TransformRegistry registry, int id) => AssertLevel(registry, id, AlgorithmRequirement.May, weak: false);

    [Theory]
    [InlineData(TransformRegistry.DhGroup, 5)]        // §3.4 1536-bit MODP
    [InlineData(TransformRegistry.DhGroup, 2)]        // §3.4 1024-bit MODP
    [InlineData(TransformRegistry.DhGroup, 22)]       // §3.4 1024-bit MODP, 160-bit subgroup
    [InlineData(TransformRegistry.DhGroup, 23)]       // §3.4 2048-bit MODP, 224-bit subgroup
    [InlineData(TransformRegistry.DhGroup, 24)]       // §3.4 2048-bit MODP, 256-bit subgroup
    public void Rfc_8247_should_not_rows_are_weak(TransformRegistry registry, int id) => AssertLevel(registry, id, AlgorithmRequirement.ShouldNot, weak: true);

    [Theory]
    [InlineData(TransformRegistry.V2Encryption, 2)]   // §3.1 ENCR_DES
    [InlineData(TransformRegistry.V2Prf, 1)]          // §3.2 PRF_HMAC_MD5
    [InlineData(TransformRegistry.V2Integrity, 1)]    // §3.3 AUTH_HMAC_MD5_96
    [InlineData(TransformRegistry.V2Integrity, 3)]    // §3.3 AUTH_DES_MAC
    [InlineData(TransformRegistry.V2Integrity, 4)]    // §3.3 AUTH_KPDK_MD5
    [InlineData(TransformRegistry.DhGroup, 1)]        // §3.4 768-bit MODP
    public void Rfc_8247_must_not_rows_are_weak(TransformRegistry registry, int id) => AssertLevel(registry, id, AlgorithmRequirement.MustNot, weak: true);

    [Theory]
    [InlineData(TransformRegistry.DhGroup, 15)]       // 3072-bit MODP: the RFC writes MAY only for a downgrade
    [InlineData(TransformRegistry.DhGroup, 16)]
    [InlineData(TransformRegistry.DhGroup, 17)]
    [InlineData(TransformRegistry.DhGroup, 18)]
    [InlineData(TransformRegistry.DhGroup, 20)]       // 384-bit random ECP
    [InlineData(TransformRegistry.DhGroup, 21)]
    [InlineData(TransformRegistry.DhGroup, 31)]       // Curve25519
    [InlineData(TransformRegistry.V2Prf, 6)]          // PRF_HMAC_SHA2_384
    [InlineData(TransformRegistry.V2Integrity, 13)]   // AUTH_HMAC_SHA2_384_192
    [InlineData(TransformRegistry.V2Encryption, 13)]  // ENCR_AES_CTR
    public void Algorithms_rfc_8247_does_not_list_are_not_listed_and_not_weak(TransformRegistry registry, int id) =>
        AssertLevel(registry, id, AlgorithmRequirement.NotListed, weak: false);

    [Theory]
    [InlineData(TransformRegistry.V2Encryption, 1)]   // ENCR_DES_IV64: single DES under another number
    [InlineData(TransformRegistry.V2Encryption, 9)]   // ENCR_DES_IV32
    [InlineData(TransformRegistry.DhGroup, 3)]        // EC2N 155-bit, reserved in IKEv2
    [InlineData(TransformRegistry.DhGroup, 4)]        // EC2N 185-bit
    public void Additions_beyond_rfc_8247_are_must_not(TransformRegistry registry, int id) => AssertLevel(registry, id, AlgorithmRequirement.MustNot, weak: true);

    private static void AssertLevel(TransformRegistry registry, int id, AlgorithmRequirement level, bool weak)
    {
        JudgedAlgorithm judged = AlgorithmRequirements.Judge(new TransformValue(registry, id), SecurityProtocol.Ike);
        Assert.Equal(level, judged.Requirement);
        Assert.Equal(weak, judged.IsWeak);
    }

    [Fact]
    public void Weak_means_should_not_or_must_not_and_the_name_comes_from_the_registry()
    {
        var group22 = new TransformValue(TransformRegistry.DhGroup, 22);
        var tripleDes = new TransformValue(TransformRegistry.V1Encryption, 5);

        Assert.True(AlgorithmRequirements.Judge(group22, SecurityProtocol.Ike).IsWeak);
        Assert.Equal("modp1024s160", group22.Name);
        Assert.False(AlgorithmRequirements.Judge(tripleDes, SecurityProtocol.Ike).IsWeak);
        Assert.Equal("3DES-CBC", tripleDes.Name);
    }
}
