using System.Collections.Frozen;

namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// The one table of which algorithms are weak: RFC 8247 §3.1–3.4 (IKEv2 encryption, PRF, integrity,
/// Diffie-Hellman), with SHOULD NOT and MUST NOT counting as weak. IKEv1 values are judged as their
/// IKEv2 equivalents (the same algorithm under the older registry's number), since RFC 8247's
/// reasons (key size, broken hash) do not depend on the IKE version. Algorithms the RFC does not
/// list are <see cref="AlgorithmRequirement.NotListed"/>, except DH groups 3 and 4: IKEv2 reserves
/// them, so RFC 8247 has no row for them, but their 155/185-bit EC2N fields are weaker than group 1.
/// </summary>
public static class AlgorithmRequirements
{
    private static readonly FrozenDictionary<int, AlgorithmRequirement> Encryption = new Dictionary<int, AlgorithmRequirement>
    {
        [12] = AlgorithmRequirement.Must,          // ENCR_AES_CBC
        [28] = AlgorithmRequirement.Should,        // ENCR_CHACHA20_POLY1305
        [20] = AlgorithmRequirement.Should,        // ENCR_AES_GCM_16
        [14] = AlgorithmRequirement.Should,        // ENCR_AES_CCM_8 (IoT)
        [3] = AlgorithmRequirement.May,            // ENCR_3DES
        [2] = AlgorithmRequirement.MustNot,        // ENCR_DES
        [1] = AlgorithmRequirement.MustNot,        // ENCR_DES_IV64: single DES as well
        [9] = AlgorithmRequirement.MustNot,        // ENCR_DES_IV32: single DES as well
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<int, AlgorithmRequirement> Prf = new Dictionary<int, AlgorithmRequirement>
    {
        [5] = AlgorithmRequirement.Must,           // PRF_HMAC_SHA2_256
        [7] = AlgorithmRequirement.ShouldPlus,     // PRF_HMAC_SHA2_512
        [2] = AlgorithmRequirement.MustMinus,      // PRF_HMAC_SHA1
        [4] = AlgorithmRequirement.Should,         // PRF_AES128_XCBC (IoT)
        [1] = AlgorithmRequirement.MustNot,        // PRF_HMAC_MD5
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<int, AlgorithmRequirement> Integrity = new Dictionary<int, AlgorithmRequirement>
    {
        [12] = AlgorithmRequirement.Must,          // AUTH_HMAC_SHA2_256_128
        [14] = AlgorithmRequirement.Should,        // AUTH_HMAC_SHA2_512_256
        [2] = AlgorithmRequirement.MustMinus,      // AUTH_HMAC_SHA1_96
        [5] = AlgorithmRequirement.Should,         // AUTH_AES_XCBC_96 (IoT)
        [1] = AlgorithmRequirement.MustNot,        // AUTH_HMAC_MD5_96
        [3] = AlgorithmRequirement.MustNot,        // AUTH_DES_MAC
        [4] = AlgorithmRequirement.MustNot,        // AUTH_KPDK_MD5
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<int, AlgorithmRequirement> Groups = new Dictionary<int, AlgorithmRequirement>
    {
        [14] = AlgorithmRequirement.Must,          // 2048-bit MODP
        [19] = AlgorithmRequirement.Should,        // 256-bit random ECP
        [5] = AlgorithmRequirement.ShouldNot,      // 1536-bit MODP
        [2] = AlgorithmRequirement.ShouldNot,      // 1024-bit MODP
        [1] = AlgorithmRequirement.MustNot,        // 768-bit MODP
        [22] = AlgorithmRequirement.ShouldNot,     // 1024-bit MODP with 160-bit prime order subgroup
        [23] = AlgorithmRequirement.ShouldNot,     // 2048-bit MODP with 224-bit prime order subgroup
        [24] = AlgorithmRequirement.ShouldNot,     // 2048-bit MODP with 256-bit prime order subgroup
        [15] = AlgorithmRequirement.May,
        [16] = AlgorithmRequirement.May,
        [17] = AlgorithmRequirement.May,
        [18] = AlgorithmRequirement.May,
        [20] = AlgorithmRequirement.May,
        [21] = AlgorithmRequirement.May,
        [3] = AlgorithmRequirement.MustNot,        // EC2N 155-bit (IKEv1 only; see the class comment)
        [4] = AlgorithmRequirement.MustNot,        // EC2N 185-bit (IKEv1 only)
    }.ToFrozenDictionary();

    public static AlgorithmRequirement Of(TransformValue value) => value.Registry switch
    {
        TransformRegistry.V2Encryption or TransformRegistry.V1EspTransform => Encryption.GetValueOrDefault(value.Id),
        TransformRegistry.V1Encryption => Encryption.GetValueOrDefault(V1EncryptionAsV2(value.Id)),
        TransformRegistry.V2Prf => Prf.GetValueOrDefault(value.Id),
        TransformRegistry.V1Hash => Prf.GetValueOrDefault(V1HashAsV2Prf(value.Id)),
        TransformRegistry.V2Integrity => Integrity.GetValueOrDefault(value.Id),
        TransformRegistry.V1Phase2Authentication or TransformRegistry.V1AhTransform => Integrity.GetValueOrDefault(V1AuthenticationAsV2Integrity(value.Registry, value.Id)),
        TransformRegistry.DhGroup => Groups.GetValueOrDefault(value.Id),
        _ => AlgorithmRequirement.NotListed,
    };

    // RFC 2409 appendix A: 1 DES-CBC, 5 3DES-CBC, 7 AES-CBC (RFC 3602); the others have no RFC 8247 row.
    private static int V1EncryptionAsV2(int id) => id switch
    {
        1 => 2,
        5 => 3,
        7 => 12,
        _ => -1,
    };

    // RFC 2409 appendix A hash used as the HMAC PRF: 1 MD5, 2 SHA-1, 4 SHA2-256, 6 SHA2-512 (RFC 4878).
    private static int V1HashAsV2Prf(int id) => id switch
    {
        1 => 1,
        2 => 2,
        4 => 5,
        5 => 6,
        6 => 7,
        _ => -1,
    };

    // RFC 2407 §4.5 attribute 5 (1 HMAC-MD5, 2 HMAC-SHA, 3 DES-MAC, 4 KPDK, 5 HMAC-SHA2-256, 7 HMAC-SHA2-512,
    // 9 AES-XCBC-MAC) and §4.4.3 AH transforms (2 AH_MD5, 3 AH_SHA, 4 AH_DES, 5 SHA2-256, 7 SHA2-512).
    private static int V1AuthenticationAsV2Integrity(TransformRegistry registry, int id) => (registry, id) switch
    {
        (TransformRegistry.V1Phase2Authentication, 1) or (TransformRegistry.V1AhTransform, 2) => 1,
        (TransformRegistry.V1Phase2Authentication, 2) or (TransformRegistry.V1AhTransform, 3) => 2,
        (TransformRegistry.V1Phase2Authentication, 3) or (TransformRegistry.V1AhTransform, 4) => 3,
        (TransformRegistry.V1Phase2Authentication, 4) => 4,
        (TransformRegistry.V1Phase2Authentication, 5) or (TransformRegistry.V1AhTransform, 5) => 12,
        (TransformRegistry.V1Phase2Authentication, 7) or (TransformRegistry.V1AhTransform, 7) => 14,
        (TransformRegistry.V1Phase2Authentication, 9) => 5,
        _ => -1,
    };
}
