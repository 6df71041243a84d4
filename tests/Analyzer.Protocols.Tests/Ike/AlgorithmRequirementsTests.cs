using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Protocols.Tests.Ike;

/// <summary>The one weak-algorithm table: RFC 8247 §3.1–3.4 levels, IKEv1 numbers judged as their IKEv2 equivalents.</summary>
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
    [InlineData(TransformRegistry.V1EspTransform, 11, AlgorithmRequirement.NotListed)]
    [InlineData(TransformRegistry.V1Encryption, 1, AlgorithmRequirement.MustNot)]  // DES-CBC
    [InlineData(TransformRegistry.V1Encryption, 7, AlgorithmRequirement.Must)]     // AES-CBC
    [InlineData(TransformRegistry.V1Hash, 1, AlgorithmRequirement.MustNot)]        // MD5 as the PRF
    [InlineData(TransformRegistry.V1Hash, 2, AlgorithmRequirement.MustMinus)]      // SHA-1
    [InlineData(TransformRegistry.V1Phase2Authentication, 1, AlgorithmRequirement.MustNot)] // HMAC-MD5
    [InlineData(TransformRegistry.V1AhTransform, 2, AlgorithmRequirement.MustNot)]  // AH_MD5
    [InlineData(TransformRegistry.V2Integrity, 12, AlgorithmRequirement.Must)]
    [InlineData(TransformRegistry.V2Prf, 1, AlgorithmRequirement.MustNot)]
    public void Requirement_follows_rfc_8247(TransformRegistry registry, int id, AlgorithmRequirement expected) =>
        Assert.Equal(expected, new TransformValue(registry, id).Requirement);

    [Fact]
    public void Weak_means_should_not_or_must_not_and_the_name_comes_from_the_registry()
    {
        var group22 = new TransformValue(TransformRegistry.DhGroup, 22);
        var tripleDes = new TransformValue(TransformRegistry.V1Encryption, 5);

        Assert.True(group22.IsWeak);
        Assert.Equal("modp1024s160", group22.Name);
        Assert.False(tripleDes.IsWeak);
        Assert.Equal("3DES-CBC", tripleDes.Name);
    }
}
