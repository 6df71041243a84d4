namespace Analyzer.Protocols.Ike.Registry;

/// <summary>
/// IKEv1 SA attributes. Phase 1 (ISAKMP protocol): RFC 2409 appendix A and the IANA "IPsec
/// registry". Phase 2 (IPsec DOI): RFC 2407 §4.5, RFC 3947 §5.2 and the NAT-T draft encapsulation values.
/// </summary>
public static class Ikev1AttributeNames
{
    public const ushort Phase1Encryption = 1;
    public const ushort Phase1Hash = 2;
    public const ushort Phase1AuthenticationMethod = 3;
    public const ushort Phase1GroupDescription = 4;
    public const ushort Phase1LifeType = 11;
    public const ushort Phase1LifeDuration = 12;
    public const ushort Phase1Prf = 13;
    public const ushort Phase1KeyLength = 14;
    public const ushort Phase2LifeType = 1;
    public const ushort Phase2LifeDuration = 2;
    public const ushort Phase2GroupDescription = 3;
    public const ushort Phase2EncapsulationMode = 4;
    public const ushort Phase2AuthenticationAlgorithm = 5;
    public const ushort Phase2KeyLength = 6;

    public static NameTable Phase1Types { get; } = new(new Dictionary<int, string>
    {
        [1] = "Encryption-Algorithm",
        [2] = "Hash-Algorithm",
        [3] = "Authentication-Method",
        [4] = "Group-Description",
        [5] = "Group-Type",
        [6] = "Group-Prime",
        [7] = "Group-Generator-One",
        [8] = "Group-Generator-Two",
        [9] = "Group-Curve-A",
        [10] = "Group-Curve-B",
        [11] = "Life-Type",
        [12] = "Life-Duration",
        [13] = "PRF",
        [14] = "Key-Length",
        [15] = "Field-Size",
        [16] = "Group-Order",
        [17] = "Block-Size",
        [20] = "Asymmetric-Cryptographic-Algorithm-Type",
    }, (16384, 32767, "Private use"));

    public static NameTable Phase1Encryptions { get; } = new(new Dictionary<int, string>
    {
        [1] = "DES-CBC",
        [2] = "IDEA-CBC",
        [3] = "BLOWFISH-CBC",
        [4] = "RC5-R16-B64-CBC",
        [5] = "3DES-CBC",
        [6] = "CAST-CBC",
        [7] = "AES-CBC",
        [8] = "CAMELLIA-CBC",
    }, (65001, 65535, "Private use"));

    public static NameTable Phase1Hashes { get; } = new(new Dictionary<int, string>
    {
        [1] = "MD5",
        [2] = "SHA",
        [3] = "TIGER",
        [4] = "SHA2-256",
        [5] = "SHA2-384",
        [6] = "SHA2-512",
    }, (65001, 65535, "Private use"));

    public static NameTable AuthenticationMethods { get; } = new(new Dictionary<int, string>
    {
        [1] = "Pre-Shared Key",
        [2] = "DSS Signature",
        [3] = "RSA Signature",
        [4] = "RSA Encryption",
        [5] = "Revised RSA Encryption",
        [9] = "ECDSA P-256 SHA-256",
        [10] = "ECDSA P-384 SHA-384",
        [11] = "ECDSA P-521 SHA-512",
        [64221] = "Hybrid InitRSA",
        [64222] = "Hybrid RespRSA",
        [64223] = "Hybrid InitDSS",
        [64224] = "Hybrid RespDSS",
        [65001] = "XAUTH InitPreShared",
        [65002] = "XAUTH RespPreShared",
        [65003] = "XAUTH InitDSS",
        [65004] = "XAUTH RespDSS",
        [65005] = "XAUTH InitRSA",
        [65006] = "XAUTH RespRSA",
        [65007] = "XAUTH InitRSAEncryption",
        [65008] = "XAUTH RespRSAEncryption",
        [65009] = "XAUTH InitRSARevisedEncryption",
        [65010] = "XAUTH RespRSARevisedEncryption",
    }, (65011, 65535, "Private use"));

    public static NameTable LifeTypes { get; } = new(new Dictionary<int, string>
    {
        [1] = "Seconds",
        [2] = "Kilobytes",
    });

    public static NameTable Phase2Types { get; } = new(new Dictionary<int, string>
    {
        [1] = "SA-Life-Type",
        [2] = "SA-Life-Duration",
        [3] = "Group-Description",
        [4] = "Encapsulation-Mode",
        [5] = "Authentication-Algorithm",
        [6] = "Key-Length",
        [7] = "Key-Rounds",
        [8] = "Compress-Dictionary-Size",
        [9] = "Compress-Private-Algorithm",
        [10] = "ECN Tunnel",
        [11] = "Extended (64-bit) Sequence Number",
        [12] = "Authentication Key Length",
        [13] = "Signature Encoding Algorithm",
        [14] = "Address Preservation",
        [15] = "SA Direction",
    }, (32001, 32767, "Private use"));

    /// <summary>RFC 2407 §4.5 plus RFC 3947 §5.2 (3, 4) and the draft-ietf-ipsec-nat-t-ike values (61443, 61444).</summary>
    public static NameTable EncapsulationModes { get; } = new(new Dictionary<int, string>
    {
        [1] = "Tunnel",
        [2] = "Transport",
        [3] = "UDP-Encapsulated-Tunnel",
        [4] = "UDP-Encapsulated-Transport",
        [61440] = "Check Point IPSec UDP Encapsulation",
        [61443] = "UDP-Encapsulated-Tunnel (draft)",
        [61444] = "UDP-Encapsulated-Transport (draft)",
    }, (61441, 65535, "Private use"));

    public static NameTable Phase2AuthenticationAlgorithms { get; } = new(new Dictionary<int, string>
    {
        [1] = "HMAC-MD5",
        [2] = "HMAC-SHA",
        [3] = "DES-MAC",
        [4] = "KPDK",
        [5] = "HMAC-SHA2-256",
        [6] = "HMAC-SHA2-384",
        [7] = "HMAC-SHA2-512",
        [8] = "HMAC-RIPEMD",
        [9] = "AES-XCBC-MAC",
        [10] = "SIG-RSA",
        [11] = "AES-128-GMAC",
        [12] = "AES-192-GMAC",
        [13] = "AES-256-GMAC",
    }, (61440, 65535, "Private use"));

    /// <summary>Names an attribute value where the attribute has a value table; null means "show the number".</summary>
    public static string? ValueName(bool phase1, ushort type, long value)
    {
        NameTable? table = phase1
            ? type switch
            {
                Phase1Encryption => Phase1Encryptions,
                Phase1Hash or Phase1Prf => Phase1Hashes,
                Phase1AuthenticationMethod => AuthenticationMethods,
                Phase1GroupDescription => DhGroups.Table,
                Phase1LifeType => LifeTypes,
                _ => null,
            }
            : type switch
            {
                Phase2LifeType => LifeTypes,
                Phase2GroupDescription => DhGroups.Table,
                Phase2EncapsulationMode => EncapsulationModes,
                Phase2AuthenticationAlgorithm => Phase2AuthenticationAlgorithms,
                _ => null,
            };
        return table?.Name((int)value);
    }

    public static string TypeName(bool phase1, ushort type) => phase1 ? Phase1Types.Name(type) : Phase2Types.Name(type);
}
