using System.Collections.Frozen;

namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// RFC 8221's tables for ESP and AH (Quick Mode and CHILD_SA proposals). The rows were checked against
/// the working group's own material for the document (draft-mglt-ipsecme-rfc7321bis-00 as presented at
/// IETF 96, whose MUST NOT rows, ENCR_3DES at SHOULD NOT and ENCR_NULL at MUST the RFC kept) and the
/// Linux kernel's 2020 change that follows RFC 8221 (MD5 and DES MUST NOT; AES-GCM and HMAC-SHA-256
/// MUST); the published RFC text itself is not in the search corpora, so the remaining levels
/// (AES-CBC MUST, AES-CCM-8 and ChaCha20-Poly1305 SHOULD, HMAC-SHA1-96 MUST-, HMAC-SHA2-512-256
/// SHOULD, AES-XCBC-96 and GMAC MAY) are RFC 8221's as the project records them (docs/decisions/0005).
/// </summary>
public static partial class AlgorithmRequirements
{
    /// <summary>IKEv2 integrity transform 0, "NONE" (RFC 7296 §3.3.2); RFC 8221 §6's AUTH_NONE.</summary>
    public const int AuthNone = 0;

    // RFC 8221 §5, ESP Encryption Algorithms. The numbers are IKEv2 transform type 1's, which IKEv1's ESP
    // transform IDs share (RFC 2407 §4.4.4). Levels are for 128- and 256-bit AES keys (the RFC's [1]).
    private static readonly FrozenDictionary<int, AlgorithmRequirement> EspEncryption = new Dictionary<int, AlgorithmRequirement>
    {
        [1] = AlgorithmRequirement.MustNot,        // ENCR_DES_IV64
        [2] = AlgorithmRequirement.MustNot,        // ENCR_DES
        [3] = AlgorithmRequirement.ShouldNot,      // ENCR_3DES (MAY in RFC 7321; 64-bit block)
        [7] = AlgorithmRequirement.MustNot,        // ENCR_BLOWFISH
        [8] = AlgorithmRequirement.MustNot,        // ENCR_3IDEA
        [9] = AlgorithmRequirement.MustNot,        // ENCR_DES_IV32
        // ENCR_NULL is a MUST because ESP-NULL is the integrity-only service (RFC 2410) that replaces AH;
        // it is not weak, but an SA that chose it carries its payload (the L2TP and PPP) in clear.
        [11] = AlgorithmRequirement.Must,          // ENCR_NULL
        [12] = AlgorithmRequirement.Must,          // ENCR_AES_CBC
        [14] = AlgorithmRequirement.Should,        // ENCR_AES_CCM_8 [IoT]
        [20] = AlgorithmRequirement.Must,          // ENCR_AES_GCM_16
        [28] = AlgorithmRequirement.Should,        // ENCR_CHACHA20_POLY1305
    }.ToFrozenDictionary();

    // RFC 8221 §6, ESP and AH Authentication Algorithms, by IKEv2 transform type 3 number. AUTH_NONE
    // (MUST with an AEAD cipher, MUST NOT otherwise) depends on the proposal: see Judge(proposal).
    private static readonly FrozenDictionary<int, AlgorithmRequirement> EspAuthentication = new Dictionary<int, AlgorithmRequirement>
    {
        [1] = AlgorithmRequirement.MustNot,        // AUTH_HMAC_MD5_96
        [2] = AlgorithmRequirement.MustMinus,      // AUTH_HMAC_SHA1_96
        [3] = AlgorithmRequirement.MustNot,        // AUTH_DES_MAC
        [4] = AlgorithmRequirement.MustNot,        // AUTH_KPDK_MD5
        [5] = AlgorithmRequirement.May,            // AUTH_AES_XCBC_96 (SHOULD only for IoT)
        [9] = AlgorithmRequirement.May,            // AUTH_AES_128_GMAC
        [11] = AlgorithmRequirement.May,           // AUTH_AES_256_GMAC
        [12] = AlgorithmRequirement.Must,          // AUTH_HMAC_SHA2_256_128
        [14] = AlgorithmRequirement.Should,        // AUTH_HMAC_SHA2_512_256
    }.ToFrozenDictionary();

    /// <summary>
    /// Combined-mode (AEAD) ciphers, which carry their own integrity (RFC 4106, 4309, 4543, 5529, 7634):
    /// AES-CCM, AES-GCM, NULL with AES-GMAC, Camellia-CCM, ChaCha20-Poly1305.
    /// </summary>
    public static bool IsCombinedMode(int encryptionId) => encryptionId is 14 or 15 or 16 or 18 or 19 or 20 or 21 or 25 or 26 or 27 or 28;
}
