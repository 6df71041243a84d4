using System.Collections.Frozen;

namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// The one table of which algorithms are weak: RFC 8247 §3.1–3.4 (IKEv2 encryption, PRF, integrity,
/// Diffie-Hellman), with SHOULD NOT and MUST NOT counting as weak. Every row below is one row of the
/// RFC's tables, checked against the ipsecme working group's source of the document
/// (draft-ietf-ipsecme-rfc4307bis, whose tables RFC 8247 published unchanged); a row the RFC does
/// not have says so. Algorithms the RFC does not list are <see cref="AlgorithmRequirement.NotListed"/>
/// (§1: "any algorithm ... not mentioned in this document MAY be implemented", and MAY is written
/// only for a downgrade), so the larger MODP and ECP groups (15–18, 20, 21) and curves have no row.
/// Four additions are not RFC rows and are marked so: single DES under its two other IKEv2 numbers,
/// and DH groups 3 and 4, which IKEv2 reserves (so the RFC has no row) but whose 155/185-bit EC2N
/// fields are weaker than group 1.
/// IKEv1 values are judged as their IKEv2 equivalents (the same algorithm under the older registry's
/// number), since RFC 8247's reasons (key size, broken hash) do not depend on the IKE version. ESP and
/// AH transforms of IKEv1 Quick Mode are judged by the same IKEv2 rows for now: RFC 8221 (ESP/AH)
/// differs for ESP (ENCR_NULL and AES-GCM-16 are MUST there; its drafts put ENCR_3DES at SHOULD NOT),
/// and its table was not at hand to check row by row.
/// </summary>
public static class AlgorithmRequirements
{
    // RFC 8247 §3.1, Type 1 - IKEv2 Encryption Algorithm Transforms (levels for 128-bit keys; the RFC
    // puts 256-bit AES keys at SHOULD, which a per-number table cannot tell apart).
    private static readonly FrozenDictionary<int, AlgorithmRequirement> Encryption = new Dictionary<int, AlgorithmRequirement>
    {
        [12] = AlgorithmRequirement.Must,          // ENCR_AES_CBC
        [28] = AlgorithmRequirement.Should,        // ENCR_CHACHA20_POLY1305
        [20] = AlgorithmRequirement.Should,        // ENCR_AES_GCM_16
        [14] = AlgorithmRequirement.Should,        // ENCR_AES_CCM_8 [IoT]
        [3] = AlgorithmRequirement.May,            // ENCR_3DES
        [2] = AlgorithmRequirement.MustNot,        // ENCR_DES
        [1] = AlgorithmRequirement.MustNot,        // ENCR_DES_IV64: not an RFC row; single DES as ENCR_DES
        [9] = AlgorithmRequirement.MustNot,        // ENCR_DES_IV32: not an RFC row; single DES as ENCR_DES
    }.ToFrozenDictionary();

    // RFC 8247 §3.2, Type 2 - IKEv2 Pseudorandom Function Transforms.
    private static readonly FrozenDictionary<int, AlgorithmRequirement> Prf = new Dictionary<int, AlgorithmRequirement>
    {
        [5] = AlgorithmRequirement.Must,           // PRF_HMAC_SHA2_256
        [7] = AlgorithmRequirement.ShouldPlus,     // PRF_HMAC_SHA2_512
        [2] = AlgorithmRequirement.MustMinus,      // PRF_HMAC_SHA1
        [4] = AlgorithmRequirement.Should,         // PRF_AES128_XCBC [IoT]
        [1] = AlgorithmRequirement.MustNot,        // PRF_HMAC_MD5
    }.ToFrozenDictionary();

    // RFC 8247 §3.3, Type 3 - IKEv2 Integrity Algorithm Transforms.
    private static readonly FrozenDictionary<int, AlgorithmRequirement> Integrity = new Dictionary<int, AlgorithmRequirement>
    {
        [12] = AlgorithmRequirement.Must,          // AUTH_HMAC_SHA2_256_128
        [14] = AlgorithmRequirement.Should,        // AUTH_HMAC_SHA2_512_256
        [2] = AlgorithmRequirement.MustMinus,      // AUTH_HMAC_SHA1_96
        [5] = AlgorithmRequirement.Should,         // AUTH_AES_XCBC_96 [IoT]
        [1] = AlgorithmRequirement.MustNot,        // AUTH_HMAC_MD5_96
        [3] = AlgorithmRequirement.MustNot,        // AUTH_DES_MAC
        [4] = AlgorithmRequirement.MustNot,        // AUTH_KPDK_MD5
    }.ToFrozenDictionary();

    // RFC 8247 §3.4, Type 4 - IKEv2 Diffie-Hellman Group Transforms.
    private static readonly FrozenDictionary<int, AlgorithmRequirement> Groups = new Dictionary<int, AlgorithmRequirement>
    {
        [14] = AlgorithmRequirement.Must,          // 2048-bit MODP Group
        [19] = AlgorithmRequirement.Should,        // 256-bit random ECP group
        [5] = AlgorithmRequirement.ShouldNot,      // 1536-bit MODP Group
        [2] = AlgorithmRequirement.ShouldNot,      // 1024-bit MODP Group
        [1] = AlgorithmRequirement.MustNot,        // 768-bit MODP Group
        [22] = AlgorithmRequirement.ShouldNot,     // 1024-bit MODP Group with 160-bit Prime Order Subgroup
        [23] = AlgorithmRequirement.ShouldNot,     // 2048-bit MODP Group with 224-bit Prime Order Subgroup
        [24] = AlgorithmRequirement.ShouldNot,     // 2048-bit MODP Group with 256-bit Prime Order Subgroup
        [3] = AlgorithmRequirement.MustNot,        // EC2N 155-bit: not an RFC row (IKEv1 only; see the class comment)
        [4] = AlgorithmRequirement.MustNot,        // EC2N 185-bit: not an RFC row (IKEv1 only)
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
