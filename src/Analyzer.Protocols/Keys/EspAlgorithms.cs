using System.Collections.Frozen;

namespace Analyzer.Protocols.Keys;

/// <summary>
/// What each ESP transform needs (IV, ICV, salt, block size) and how each key source spells it:
/// Wireshark's esp_sa table (packet-ipsec.c's value strings, which its UAT file stores verbatim),
/// strongSwan's transform names ("AES_CBC", "HMAC_SHA2_256_128") and the Linux kernel's crypto API
/// names as <c>ip xfrm state</c> prints them ("cbc(aes)", "hmac(sha256)", "rfc4106(gcm(aes))").
/// </summary>
public static class EspAlgorithms
{
    /// <summary>Wireshark's spellings, in the order its esp_sa dialog lists them.</summary>
    private static readonly (EspEncryption Value, string Name)[] WiresharkEncryptionNames =
    [
        (EspEncryption.Null, "NULL"),
        (EspEncryption.TripleDesCbc, "TripleDES-CBC [RFC2451]"),
        (EspEncryption.AesCbc, "AES-CBC [RFC3602]"),
        (EspEncryption.AesCtr, "AES-CTR [RFC3686]"),
        (EspEncryption.DesCbc, "DES-CBC [RFC2405]"),
        (EspEncryption.AesGcm8, "AES-GCM with 8 octet ICV [RFC4106]"),
        (EspEncryption.AesGcm12, "AES-GCM with 12 octet ICV [RFC4106]"),
        (EspEncryption.AesGcm16, "AES-GCM with 16 octet ICV [RFC4106]"),
    ];

    private static readonly (EspIntegrity Value, string Name)[] WiresharkIntegrityNames =
    [
        (EspIntegrity.Null, "NULL"),
        (EspIntegrity.HmacSha1With96, "HMAC-SHA-1-96 [RFC2404]"),
        (EspIntegrity.HmacSha256With96, "HMAC-SHA-256-96 [draft-ietf-ipsec-ciph-sha-256-00]"),
        (EspIntegrity.HmacSha256With128, "HMAC-SHA-256-128 [RFC4868]"),
        (EspIntegrity.HmacSha384With192, "HMAC-SHA-384-192 [RFC4868]"),
        (EspIntegrity.HmacSha512With256, "HMAC-SHA-512-256 [RFC4868]"),
        (EspIntegrity.HmacMd5With96, "HMAC-MD5-96 [RFC2403]"),
        (EspIntegrity.Unchecked64, "ANY 64 bit authentication [no checking]"),
        (EspIntegrity.Unchecked96, "ANY 96 bit authentication [no checking]"),
        (EspIntegrity.Unchecked128, "ANY 128 bit authentication [no checking]"),
        (EspIntegrity.Unchecked192, "ANY 192 bit authentication [no checking]"),
        (EspIntegrity.Unchecked256, "ANY 256 bit authentication [no checking]"),
    ];

    private static readonly FrozenDictionary<string, EspEncryption> EncryptionByWireshark =
        WiresharkEncryptionNames.ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, EspIntegrity> IntegrityByWireshark =
        WiresharkIntegrityNames.ToFrozenDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>strongSwan's names (src/libstrongswan/crypto/crypters/crypter.c, signers/signer.c).</summary>
    private static readonly FrozenDictionary<string, EspEncryption> EncryptionByCharon = new Dictionary<string, EspEncryption>(StringComparer.OrdinalIgnoreCase)
    {
        ["NULL"] = EspEncryption.Null,
        ["DES_CBC"] = EspEncryption.DesCbc,
        ["3DES_CBC"] = EspEncryption.TripleDesCbc,
        ["AES_CBC"] = EspEncryption.AesCbc,
        ["AES_CTR"] = EspEncryption.AesCtr,
        ["AES_GCM_8"] = EspEncryption.AesGcm8,
        ["AES_GCM_12"] = EspEncryption.AesGcm12,
        ["AES_GCM_16"] = EspEncryption.AesGcm16,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, EspIntegrity> IntegrityByCharon = new Dictionary<string, EspIntegrity>(StringComparer.OrdinalIgnoreCase)
    {
        ["HMAC_MD5_96"] = EspIntegrity.HmacMd5With96,
        ["HMAC_SHA1_96"] = EspIntegrity.HmacSha1With96,
        ["HMAC_SHA2_256_96"] = EspIntegrity.HmacSha256With96,
        ["HMAC_SHA2_256_128"] = EspIntegrity.HmacSha256With128,
        ["HMAC_SHA2_384_192"] = EspIntegrity.HmacSha384With192,
        ["HMAC_SHA2_512_256"] = EspIntegrity.HmacSha512With256,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Display name for reports ("AES-CBC-256"), never with key material.</summary>
    public static string Name(EspEncryption encryption, int keyBytes) => encryption switch
    {
        EspEncryption.Null => "NULL",
        EspEncryption.DesCbc => "DES-CBC",
        EspEncryption.TripleDesCbc => "3DES-CBC",
        EspEncryption.AesCbc => "AES-CBC-" + (keyBytes * 8).ToString(System.Globalization.CultureInfo.InvariantCulture),
        EspEncryption.AesCtr => "AES-CTR-" + (Math.Max(0, keyBytes - SaltBytes(encryption)) * 8).ToString(System.Globalization.CultureInfo.InvariantCulture),
        EspEncryption.AesGcm8 or EspEncryption.AesGcm12 or EspEncryption.AesGcm16 =>
            "AES-GCM-" + (Math.Max(0, keyBytes - SaltBytes(encryption)) * 8).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + "-" + IcvBytes(encryption).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "unsupported",
    };

    /// <summary>"AES-CBC-256/HMAC-SHA2-256-128"; a combined mode (AES-GCM) names no separate integrity.</summary>
    public static string Name(EspKeyAlgorithms algorithms) =>
        Name(algorithms.Encryption, algorithms.EncryptionKeyBytes) + (IsCombined(algorithms.Encryption) ? string.Empty : "/" + Name(algorithms.Integrity));

    public static string Name(EspIntegrity integrity) => integrity switch
    {
        EspIntegrity.Null => "none",
        EspIntegrity.HmacMd5With96 => "HMAC-MD5-96",
        EspIntegrity.HmacSha1With96 => "HMAC-SHA1-96",
        EspIntegrity.HmacSha256With96 => "HMAC-SHA2-256-96",
        EspIntegrity.HmacSha256With128 => "HMAC-SHA2-256-128",
        EspIntegrity.HmacSha384With192 => "HMAC-SHA2-384-192",
        EspIntegrity.HmacSha512With256 => "HMAC-SHA2-512-256",
        EspIntegrity.Unsupported => "unsupported",
        _ => "unchecked " + (IcvBytes(integrity) * 8).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-bit ICV",
    };

    public static EspEncryption FromWireshark(string name) =>
        EncryptionByWireshark.TryGetValue(name.Trim(), out EspEncryption value) ? value : EspEncryption.Unsupported;

    public static EspIntegrity IntegrityFromWireshark(string name) =>
        IntegrityByWireshark.TryGetValue(name.Trim(), out EspIntegrity value) ? value : EspIntegrity.Unsupported;

    public static string WiresharkName(EspEncryption encryption) =>
        Array.Find(WiresharkEncryptionNames, p => p.Value == encryption).Name ?? "NULL";

    public static string WiresharkName(EspIntegrity integrity) =>
        Array.Find(WiresharkIntegrityNames, p => p.Value == integrity).Name ?? "NULL";

    public static EspEncryption FromCharon(string name) =>
        EncryptionByCharon.TryGetValue(name, out EspEncryption value) ? value : EspEncryption.Unsupported;

    public static EspIntegrity IntegrityFromCharon(string name) =>
        IntegrityByCharon.TryGetValue(name, out EspIntegrity value) ? value : EspIntegrity.Unsupported;

    /// <summary>
    /// The kernel's crypto API names (ip-xfrm(8); net/xfrm/xfrm_algo.c). <paramref name="icvBits"/> is
    /// the AEAD ICV length; plain <c>enc</c> lines have none.
    /// </summary>
    public static EspEncryption FromXfrm(string name, int icvBits) => name switch
    {
        "ecb(cipher_null)" or "cipher_null" => EspEncryption.Null,
        "cbc(des)" => EspEncryption.DesCbc,
        "cbc(des3_ede)" => EspEncryption.TripleDesCbc,
        "cbc(aes)" => EspEncryption.AesCbc,
        "rfc3686(ctr(aes))" => EspEncryption.AesCtr,
        "rfc4106(gcm(aes))" when icvBits == 64 => EspEncryption.AesGcm8,
        "rfc4106(gcm(aes))" when icvBits == 96 => EspEncryption.AesGcm12,
        "rfc4106(gcm(aes))" when icvBits == 128 => EspEncryption.AesGcm16,
        _ => EspEncryption.Unsupported,
    };

    /// <summary>
    /// <c>auth</c> lines carry the kernel's default truncation (96 bits for MD5, SHA-1 and, for
    /// historic reasons, SHA-256); <c>auth-trunc</c> lines state it.
    /// </summary>
    public static EspIntegrity IntegrityFromXfrm(string name, int? truncationBits) => (name, truncationBits) switch
    {
        ("digest_null", _) => EspIntegrity.Null,
        ("hmac(md5)", null or 96) => EspIntegrity.HmacMd5With96,
        ("hmac(sha1)", null or 96) => EspIntegrity.HmacSha1With96,
        ("hmac(sha256)", null or 96) => EspIntegrity.HmacSha256With96,
        ("hmac(sha256)", 128) => EspIntegrity.HmacSha256With128,
        ("hmac(sha384)", null or 192) => EspIntegrity.HmacSha384With192,
        ("hmac(sha512)", null or 256) => EspIntegrity.HmacSha512With256,
        _ => EspIntegrity.Unsupported,
    };

    /// <summary>Bytes of salt (GCM) or nonce (CTR) at the end of the key material.</summary>
    public static int SaltBytes(EspEncryption encryption) => encryption switch
    {
        EspEncryption.AesCtr or EspEncryption.AesGcm8 or EspEncryption.AesGcm12 or EspEncryption.AesGcm16 => 4,
        _ => 0,
    };

    /// <summary>The explicit IV carried in each packet after the sequence number.</summary>
    public static int IvBytes(EspEncryption encryption) => encryption switch
    {
        EspEncryption.DesCbc or EspEncryption.TripleDesCbc => 8,
        EspEncryption.AesCbc => 16,
        EspEncryption.AesCtr or EspEncryption.AesGcm8 or EspEncryption.AesGcm12 or EspEncryption.AesGcm16 => 8,
        _ => 0,
    };

    /// <summary>The ciphertext must be a multiple of this (RFC 4303 §2.4: 4 for stream-like modes).</summary>
    public static int BlockBytes(EspEncryption encryption) => encryption switch
    {
        EspEncryption.DesCbc or EspEncryption.TripleDesCbc => 8,
        EspEncryption.AesCbc => 16,
        _ => 4,
    };

    public static int IcvBytes(EspEncryption encryption) => encryption switch
    {
        EspEncryption.AesGcm8 => 8,
        EspEncryption.AesGcm12 => 12,
        EspEncryption.AesGcm16 => 16,
        _ => 0,
    };

    public static int IcvBytes(EspIntegrity integrity) => integrity switch
    {
        EspIntegrity.HmacMd5With96 or EspIntegrity.HmacSha1With96 or EspIntegrity.HmacSha256With96 or EspIntegrity.Unchecked96 => 12,
        EspIntegrity.HmacSha256With128 or EspIntegrity.Unchecked128 => 16,
        EspIntegrity.HmacSha384With192 or EspIntegrity.Unchecked192 => 24,
        EspIntegrity.HmacSha512With256 or EspIntegrity.Unchecked256 => 32,
        EspIntegrity.Unchecked64 => 8,
        _ => 0,
    };

    public static bool IsCombined(EspEncryption encryption) => IcvBytes(encryption) > 0;

    /// <summary>True when the key length fits the cipher (salt included where there is one).</summary>
    public static bool KeyFits(EspEncryption encryption, int keyBytes) => encryption switch
    {
        EspEncryption.Null => true,
        EspEncryption.DesCbc => keyBytes == 8,
        EspEncryption.TripleDesCbc => keyBytes == 24,
        EspEncryption.AesCbc => keyBytes is 16 or 24 or 32,
        EspEncryption.AesCtr or EspEncryption.AesGcm8 or EspEncryption.AesGcm12 or EspEncryption.AesGcm16 => keyBytes is 20 or 28 or 36,
        _ => false,
    };
}
