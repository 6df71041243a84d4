using System.Collections.Frozen;

namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// The one owner of "which algorithms are weak": requirement levels from RFC 8247 §3.1–3.4 for the IKE
/// SA (IKEv1 Phase 1 and the IKEv2 IKE SA) and from RFC 8221 §5–6 for ESP and AH (Quick Mode and
/// CHILD_SA proposals; their PFS group is judged by RFC 8247 §3.4, since RFC 8221 has no group table).
/// SHOULD NOT and MUST NOT count as weak. Every row below is one row of the RFC's tables, with its
/// section; a row the RFC does not have says so. Algorithms a table does not list are
/// <see cref="AlgorithmRequirement.NotListed"/> (both RFCs, §1: "any algorithm ... not mentioned in
/// this document MAY be implemented", and MAY is written only for a downgrade), so the larger MODP and
/// ECP groups (15–18, 20, 21) and curves have no row. Four additions to RFC 8247 are not RFC rows and
/// are marked so: single DES under its two other IKEv2 numbers, and DH groups 3 and 4, which IKEv2
/// reserves (so the RFC has no row) but whose 155/185-bit EC2N fields are weaker than group 1.
/// IKEv1 values are judged as their IKEv2 equivalents (the same algorithm under the older registry's
/// number), since the RFCs' reasons (key size, broken hash) do not depend on the IKE version.
/// </summary>
public static partial class AlgorithmRequirements
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

    /// <summary>The level of one algorithm in a proposal for <paramref name="protocol"/>, and the table that sets it.</summary>
    public static JudgedAlgorithm Judge(TransformValue value, SecurityProtocol protocol)
    {
        bool child = protocol is SecurityProtocol.Esp or SecurityProtocol.Ah || value.Registry
            is TransformRegistry.V1EspTransform or TransformRegistry.V1AhTransform or TransformRegistry.V1Phase2Authentication;
        (FrozenDictionary<int, AlgorithmRequirement>? table, int id, AlgorithmSource source) = value.Registry switch
        {
            TransformRegistry.V2Encryption or TransformRegistry.V1EspTransform when child => (EspEncryption, value.Id, AlgorithmSource.Rfc8221Encryption),
            TransformRegistry.V2Encryption => (Encryption, value.Id, AlgorithmSource.Rfc8247Encryption),
            TransformRegistry.V1Encryption => (Encryption, V1EncryptionAsV2(value.Id), AlgorithmSource.Rfc8247Encryption),
            TransformRegistry.V2Prf => (Prf, value.Id, AlgorithmSource.Rfc8247Prf),
            TransformRegistry.V1Hash => (Prf, V1HashAsV2Prf(value.Id), AlgorithmSource.Rfc8247Prf),
            TransformRegistry.V2Integrity when child => (EspAuthentication, value.Id, AlgorithmSource.Rfc8221Authentication),
            TransformRegistry.V2Integrity => (Integrity, value.Id, AlgorithmSource.Rfc8247Integrity),
            TransformRegistry.V1Phase2Authentication or TransformRegistry.V1AhTransform =>
                (EspAuthentication, V1AuthenticationAsV2Integrity(value.Registry, value.Id), AlgorithmSource.Rfc8221Authentication),
            TransformRegistry.DhGroup => (Groups, value.Id, AlgorithmSource.Rfc8247Groups),
            _ => (null, -1, AlgorithmSource.None),
        };
        return table is not null && table.TryGetValue(id, out AlgorithmRequirement level)
            ? new JudgedAlgorithm(value, level, source)
            : new JudgedAlgorithm(value, AlgorithmRequirement.NotListed, AlgorithmSource.None);
    }

    /// <summary>
    /// Every algorithm of one proposal judged for its protocol, in the proposal's order, plus RFC 8221
    /// §6's AUTH_NONE row, which depends on the proposal as a whole: an ESP proposal whose cipher is not
    /// AEAD and that has no integrity algorithm (or names NONE) is encryption without authentication,
    /// MUST NOT; with an AEAD cipher NONE is the MUST.
    /// </summary>
    public static List<JudgedAlgorithm> Judge(IReadOnlyList<TransformValue> algorithms, SecurityProtocol protocol)
    {
        var judged = new List<JudgedAlgorithm>(algorithms.Count + 1);
        bool cipher = false;
        bool aead = false;
        bool integrity = false;
        foreach (TransformValue value in algorithms)
        {
            JudgedAlgorithm one = Judge(value, protocol);
            if (protocol == SecurityProtocol.Esp && value.Registry is TransformRegistry.V2Encryption or TransformRegistry.V1EspTransform)
            {
                cipher = true;
                aead |= IsCombinedMode(value.Id);
            }
            else if (protocol == SecurityProtocol.Esp && value.Registry is TransformRegistry.V2Integrity or TransformRegistry.V1Phase2Authentication)
            {
                if (value is { Registry: TransformRegistry.V2Integrity, Id: AuthNone })
                {
                    continue;
                }

                integrity = true;
            }

            judged.Add(one);
        }

        if (cipher && !integrity)
        {
            judged.Add(new JudgedAlgorithm(new TransformValue(TransformRegistry.V2Integrity, AuthNone),
                aead ? AlgorithmRequirement.Must : AlgorithmRequirement.MustNot, AlgorithmSource.Rfc8221Authentication));
        }

        return judged;
    }

    /// <summary>The RFC and section a level was read from ("RFC 8221 §5"), for the text of a finding.</summary>
    public static string Citation(AlgorithmSource source) => source switch
    {
        AlgorithmSource.Rfc8247Encryption => "RFC 8247 §3.1",
        AlgorithmSource.Rfc8247Prf => "RFC 8247 §3.2",
        AlgorithmSource.Rfc8247Integrity => "RFC 8247 §3.3",
        AlgorithmSource.Rfc8247Groups => "RFC 8247 §3.4",
        AlgorithmSource.Rfc8221Encryption => "RFC 8221 §5",
        AlgorithmSource.Rfc8221Authentication => "RFC 8221 §6",
        _ => "not listed",
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
