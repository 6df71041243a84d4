using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Protocols.Tests.Ike;

/// <summary>
/// ESP and AH proposals (Quick Mode, CHILD_SA) are judged by RFC 8221 §5–6, not by RFC 8247's IKE rows:
/// one theory per level class, one row per row of the RFC's tables.
/// </summary>
public sealed class EspAlgorithmRequirementsTests
{
    [Theory]
    [InlineData(TransformRegistry.V2Encryption, 11)]         // §5 ENCR_NULL
    [InlineData(TransformRegistry.V1EspTransform, 11)]       // §5 ESP_NULL (IKEv1 shares the number)
    [InlineData(TransformRegistry.V2Encryption, 12)]         // §5 ENCR_AES_CBC
    [InlineData(TransformRegistry.V2Encryption, 20)]         // §5 ENCR_AES_GCM_16
    [InlineData(TransformRegistry.V2Integrity, 12)]          // §6 AUTH_HMAC_SHA2_256_128
    [InlineData(TransformRegistry.V1Phase2Authentication, 5)] // §6 HMAC-SHA2-256 as IKEv1 attribute 5
    public void Esp_must_rows_per_rfc8221(TransformRegistry registry, int id) => AssertEsp(registry, id, AlgorithmRequirement.Must, weak: false);

    [Theory]
    [InlineData(TransformRegistry.V2Integrity, 2)]           // §6 AUTH_HMAC_SHA1_96
    [InlineData(TransformRegistry.V1Phase2Authentication, 2)] // HMAC-SHA
    public void Esp_hmac_sha1_96_is_must_minus_per_rfc8221_section_6(TransformRegistry registry, int id) => AssertEsp(registry, id, AlgorithmRequirement.MustMinus, weak: false);

    [Theory]
    [InlineData(TransformRegistry.V2Encryption, 14)]         // §5 ENCR_AES_CCM_8
    [InlineData(TransformRegistry.V2Encryption, 28)]         // §5 ENCR_CHACHA20_POLY1305
    [InlineData(TransformRegistry.V2Integrity, 14)]          // §6 AUTH_HMAC_SHA2_512_256
    public void Esp_should_rows_per_rfc8221(TransformRegistry registry, int id) => AssertEsp(registry, id, AlgorithmRequirement.Should, weak: false);

    [Theory]
    [InlineData(TransformRegistry.V2Integrity, 5)]           // §6 AUTH_AES_XCBC_96 (SHOULD only for IoT)
    [InlineData(TransformRegistry.V2Integrity, 9)]           // §6 AUTH_AES_128_GMAC
    [InlineData(TransformRegistry.V2Integrity, 11)]          // §6 AUTH_AES_256_GMAC
    public void Esp_may_rows_per_rfc8221(TransformRegistry registry, int id) => AssertEsp(registry, id, AlgorithmRequirement.May, weak: false);

    [Theory]
    [InlineData(TransformRegistry.V2Encryption, 3)]          // §5 ENCR_3DES
    [InlineData(TransformRegistry.V1EspTransform, 3)]        // ESP_3DES
    public void Esp_3des_is_should_not_per_rfc8221_section_5(TransformRegistry registry, int id) => AssertEsp(registry, id, AlgorithmRequirement.ShouldNot, weak: true);

    [Theory]
    [InlineData(TransformRegistry.V2Encryption, 1)]          // §5 ENCR_DES_IV64
    [InlineData(TransformRegistry.V2Encryption, 2)]          // §5 ENCR_DES
    [InlineData(TransformRegistry.V2Encryption, 7)]          // §5 ENCR_BLOWFISH
    [InlineData(TransformRegistry.V2Encryption, 8)]          // §5 ENCR_3IDEA
    [InlineData(TransformRegistry.V2Encryption, 9)]          // §5 ENCR_DES_IV32
    [InlineData(TransformRegistry.V2Integrity, 1)]           // §6 AUTH_HMAC_MD5_96
    [InlineData(TransformRegistry.V2Integrity, 3)]           // §6 AUTH_DES_MAC
    [InlineData(TransformRegistry.V2Integrity, 4)]           // §6 AUTH_KPDK_MD5
    [InlineData(TransformRegistry.V1Phase2Authentication, 1)] // HMAC-MD5
    [InlineData(TransformRegistry.V1AhTransform, 2)]         // AH_MD5
    public void Esp_must_not_rows_per_rfc8221(TransformRegistry registry, int id) => AssertEsp(registry, id, AlgorithmRequirement.MustNot, weak: true);

    [Fact]
    public void The_same_3des_is_may_in_an_ike_sa_and_should_not_in_esp()
    {
        var tripleDes = new TransformValue(TransformRegistry.V2Encryption, 3);
        Assert.Equal(AlgorithmRequirement.May, AlgorithmRequirements.Judge(tripleDes, SecurityProtocol.Ike).Requirement);
        Assert.Equal(AlgorithmRequirement.ShouldNot, AlgorithmRequirements.Judge(tripleDes, SecurityProtocol.Esp).Requirement);
        Assert.Equal("RFC 8221 §5", AlgorithmRequirements.Citation(AlgorithmRequirements.Judge(tripleDes, SecurityProtocol.Esp).Source));
    }

    [Fact]
    public void A_child_sa_pfs_group_is_judged_by_rfc8247_section_3_4()
    {
        JudgedAlgorithm group2 = AlgorithmRequirements.Judge(new TransformValue(TransformRegistry.DhGroup, 2), SecurityProtocol.Esp);
        Assert.Equal(AlgorithmRequirement.ShouldNot, group2.Requirement);
        Assert.Equal(AlgorithmSource.Rfc8247Groups, group2.Source);
    }

    [Fact]
    public void Esp_without_integrity_and_without_aead_is_auth_none_must_not_per_rfc8221_section_6()
    {
        List<JudgedAlgorithm> judged = AlgorithmRequirements.Judge([new(TransformRegistry.V2Encryption, 12)], SecurityProtocol.Esp);
        JudgedAlgorithm none = Assert.Single(judged, j => j.Value == new TransformValue(TransformRegistry.V2Integrity, AlgorithmRequirements.AuthNone));
        Assert.Equal(AlgorithmRequirement.MustNot, none.Requirement);
        Assert.True(none.IsWeak);
    }

    [Fact]
    public void Esp_aead_with_auth_none_is_the_must_per_rfc8221_section_6()
    {
        List<JudgedAlgorithm> judged = AlgorithmRequirements.Judge(
            [new(TransformRegistry.V2Encryption, 20), new(TransformRegistry.V2Integrity, AlgorithmRequirements.AuthNone)], SecurityProtocol.Esp);
        Assert.DoesNotContain(judged, j => j.IsWeak);
        Assert.Equal(AlgorithmRequirement.Must, Assert.Single(judged, j => j.Value.Registry == TransformRegistry.V2Integrity).Requirement);
    }

    [Fact]
    public void Esp_null_with_an_hmac_is_not_weak_it_is_integrity_only()
    {
        List<JudgedAlgorithm> judged = AlgorithmRequirements.Judge(
            [new(TransformRegistry.V1EspTransform, 11), new(TransformRegistry.V1Phase2Authentication, 5)], SecurityProtocol.Esp);
        Assert.DoesNotContain(judged, j => j.IsWeak);
    }

    private static void AssertEsp(TransformRegistry registry, int id, AlgorithmRequirement level, bool weak)
    {
        JudgedAlgorithm judged = AlgorithmRequirements.Judge(new TransformValue(registry, id), SecurityProtocol.Esp);
        Assert.Equal(level, judged.Requirement);
        Assert.Equal(weak, judged.IsWeak);
    }
}
