namespace Analyzer.Protocols.Ike.Registry;

/// <summary>IKEv2 transform types and identifiers (RFC 7296 §3.3.2, IANA "IKEv2 Parameters").</summary>
public static class Ikev2TransformNames
{
    public const byte Encryption = 1;
    public const byte PseudoRandomFunction = 2;
    public const byte Integrity = 3;
    public const byte DiffieHellman = 4;
    public const byte ExtendedSequenceNumbers = 5;
    public const ushort KeyLengthAttribute = 14;

    public static NameTable Types { get; } = new(new Dictionary<int, string>
    {
        [1] = "Encryption Algorithm (ENCR)",
        [2] = "Pseudo-random Function (PRF)",
        [3] = "Integrity Algorithm (INTEG)",
        [4] = "Diffie-Hellman Group (D-H)",
        [5] = "Extended Sequence Numbers (ESN)",
    }, (241, 255, "Private use"));

    public static NameTable Encryptions { get; } = new(new Dictionary<int, string>
    {
        [1] = "DES_IV64",
        [2] = "DES",
        [3] = "3DES",
        [4] = "RC5",
        [5] = "IDEA",
        [6] = "CAST",
        [7] = "BLOWFISH",
        [8] = "3IDEA",
        [9] = "DES_IV32",
        [11] = "NULL",
        [12] = "AES_CBC",
        [13] = "AES_CTR",
        [14] = "AES_CCM_8",
        [15] = "AES_CCM_12",
        [16] = "AES_CCM_16",
        [18] = "AES_GCM_8",
        [19] = "AES_GCM_12",
        [20] = "AES_GCM_16",
        [21] = "NULL_AUTH_AES_GMAC",
        [23] = "CAMELLIA_CBC",
        [24] = "CAMELLIA_CTR",
        [25] = "CAMELLIA_CCM_8",
        [26] = "CAMELLIA_CCM_12",
        [27] = "CAMELLIA_CCM_16",
        [28] = "CHACHA20_POLY1305",
    }, (1024, 65535, "Private use"));

    public static NameTable Prfs { get; } = new(new Dictionary<int, string>
    {
        [1] = "PRF_HMAC_MD5",
        [2] = "PRF_HMAC_SHA1",
        [3] = "PRF_HMAC_TIGER",
        [4] = "PRF_AES128_XCBC",
        [5] = "PRF_HMAC_SHA2_256",
        [6] = "PRF_HMAC_SHA2_384",
        [7] = "PRF_HMAC_SHA2_512",
        [8] = "PRF_AES128_CMAC",
    }, (1024, 65535, "Private use"));

    public static NameTable Integrities { get; } = new(new Dictionary<int, string>
    {
        [0] = "NONE",
        [1] = "AUTH_HMAC_MD5_96",
        [2] = "AUTH_HMAC_SHA1_96",
        [3] = "AUTH_DES_MAC",
        [4] = "AUTH_KPDK_MD5",
        [5] = "AUTH_AES_XCBC_96",
        [6] = "AUTH_HMAC_MD5_128",
        [7] = "AUTH_HMAC_SHA1_160",
        [8] = "AUTH_AES_CMAC_96",
        [9] = "AUTH_AES_128_GMAC",
        [10] = "AUTH_AES_192_GMAC",
        [11] = "AUTH_AES_256_GMAC",
        [12] = "AUTH_HMAC_SHA2_256_128",
        [13] = "AUTH_HMAC_SHA2_384_192",
        [14] = "AUTH_HMAC_SHA2_512_256",
    }, (1024, 65535, "Private use"));

    public static NameTable Esn { get; } = new(new Dictionary<int, string>
    {
        [0] = "No Extended Sequence Numbers",
        [1] = "Extended Sequence Numbers",
    });

    public static string IdName(byte transformType, int id) => transformType switch
    {
        Encryption => Encryptions.Name(id),
        PseudoRandomFunction => Prfs.Name(id),
        Integrity => Integrities.Name(id),
        DiffieHellman => DhGroups.Table.Name(id),
        ExtendedSequenceNumbers => Esn.Name(id),
        _ => NameTable.Unknown(id),
    };
}
