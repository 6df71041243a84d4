using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Analyzer.Protocols.Keys;

/// <summary>
/// IKEv2 SK payload transforms by the names of each key source: Wireshark's ikev2_decryption_table
/// (packet-isakmp.c's value strings, stored verbatim in its UAT file) and strongSwan's proposal
/// strings ("IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048").
/// </summary>
public static class Ikev2Algorithms
{
    public static readonly Ikev2Encryption Null = new("NULL [RFC2410]", "NULL", Ikev2CipherMode.Null, 0, 0, 0, 0);

    public static readonly IReadOnlyList<Ikev2Encryption> Encryptions = BuildEncryptions();

    public static readonly Ikev2Integrity None = new("NONE [RFC4306]", "none", null, 0, 0);

    public static readonly IReadOnlyList<Ikev2Integrity> Integrities =
    [
        None,
        new("HMAC_MD5_96 [RFC2403]", "HMAC-MD5-96", HashAlgorithmName.MD5, 16, 12),
        new("HMAC_SHA1_96 [RFC2404]", "HMAC-SHA1-96", HashAlgorithmName.SHA1, 20, 12),
        new("HMAC_SHA2_256_96 [draft-ietf-ipsec-ciph-sha-256-00]", "HMAC-SHA2-256-96", HashAlgorithmName.SHA256, 32, 12),
        new("HMAC_SHA2_256_128 [RFC4868]", "HMAC-SHA2-256-128", HashAlgorithmName.SHA256, 32, 16),
        new("HMAC_SHA2_384_192 [RFC4868]", "HMAC-SHA2-384-192", HashAlgorithmName.SHA384, 48, 24),
        new("HMAC_SHA2_512_256 [RFC4868]", "HMAC-SHA2-512-256", HashAlgorithmName.SHA512, 64, 32),
        new("ANY 64-bits of Authentication [No Checking]", "unchecked 64-bit ICV", null, 0, 8),
        new("ANY 96-bits of Authentication [No Checking]", "unchecked 96-bit ICV", null, 0, 12),
        new("ANY 128-bits of Authentication [No Checking]", "unchecked 128-bit ICV", null, 0, 16),
        new("ANY 160-bits of Authentication [No Checking]", "unchecked 160-bit ICV", null, 0, 20),
        new("ANY 192-bits of Authentication [No Checking]", "unchecked 192-bit ICV", null, 0, 24),
        new("ANY 256-bits of Authentication [No Checking]", "unchecked 256-bit ICV", null, 0, 32),
    ];

    private static readonly FrozenDictionary<string, Ikev2Encryption> EncryptionByWireshark =
        Encryptions.ToFrozenDictionary(e => e.WiresharkName, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Ikev2Integrity> IntegrityByWireshark =
        Integrities.ToFrozenDictionary(i => i.WiresharkName, StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, Ikev2Integrity> IntegrityByCharon = new Dictionary<string, Ikev2Integrity>(StringComparer.OrdinalIgnoreCase)
    {
        ["HMAC_MD5_96"] = Integrities[1],
        ["HMAC_SHA1_96"] = Integrities[2],
        ["HMAC_SHA2_256_96"] = Integrities[3],
        ["HMAC_SHA2_256_128"] = Integrities[4],
        ["HMAC_SHA2_384_192"] = Integrities[5],
        ["HMAC_SHA2_512_256"] = Integrities[6],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static Ikev2Encryption? FromWireshark(string name) => EncryptionByWireshark.GetValueOrDefault(name.Trim());

    public static Ikev2Integrity? IntegrityFromWireshark(string name) => IntegrityByWireshark.GetValueOrDefault(name.Trim());

    /// <summary>
    /// strongSwan's encryption token: "AES_CBC_256", "3DES_CBC", "AES_GCM_16_128", "AES_CTR_192", "NULL".
    /// AES_CBC without a size is 128 (strongSwan's default key size).
    /// </summary>
    public static Ikev2Encryption? FromCharon(string token)
    {
        string[] parts = token.ToUpperInvariant().Split('_');
        return parts switch
        {
            ["NULL"] => Null,
            ["3DES", "CBC"] => Find(Ikev2CipherMode.TripleDesCbc, 24, 0),
            ["AES", "CBC"] => Find(Ikev2CipherMode.AesCbc, 16, 0),
            ["AES", "CBC", string bits] => Find(Ikev2CipherMode.AesCbc, Number(bits) / 8, 0),
            ["AES", "CTR"] => Find(Ikev2CipherMode.AesCtr, 16, 0),
            ["AES", "CTR", string bits] => Find(Ikev2CipherMode.AesCtr, Number(bits) / 8, 0),
            ["AES", "GCM", string icv] => Find(Ikev2CipherMode.AesGcm, 16, Number(icv)),
            ["AES", "GCM", string icv, string bits] => Find(Ikev2CipherMode.AesGcm, Number(bits) / 8, Number(icv)),
            _ => null,
        };
    }

    public static Ikev2Integrity? IntegrityFromCharon(string token) => IntegrityByCharon.GetValueOrDefault(token);

    private static Ikev2Encryption? Find(Ikev2CipherMode mode, int keyBytes, int icvBytes)
    {
        foreach (Ikev2Encryption encryption in Encryptions)
        {
            if (encryption.Mode == mode && encryption.KeyBytes == keyBytes && encryption.IcvBytes == icvBytes)
            {
                return encryption;
            }
        }

        return null;
    }

    private static int Number(string digits) =>
        int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) ? value : -1;

    private static List<Ikev2Encryption> BuildEncryptions()
    {
        var list = new List<Ikev2Encryption>
        {
            Null,
            new("3DES [RFC2451]", "3DES-CBC", Ikev2CipherMode.TripleDesCbc, 24, 0, 8, 0),
        };
        foreach (int bits in (int[])[128, 192, 256])
        {
            string size = bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new($"AES-CBC-{size} [RFC3602]", $"AES-CBC-{size}", Ikev2CipherMode.AesCbc, bits / 8, 0, 16, 0));
        }

        foreach (int bits in (int[])[128, 192, 256])
        {
            string size = bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new($"AES-CTR-{size} [RFC5930]", $"AES-CTR-{size}", Ikev2CipherMode.AesCtr, bits / 8, 4, 8, 0));
        }

        foreach (int bits in (int[])[128, 192, 256])
        {
            foreach (int icv in (int[])[8, 12, 16])
            {
                string size = bits.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string octets = icv.ToString(System.Globalization.CultureInfo.InvariantCulture);
                list.Add(new($"AES-GCM-{size} with {octets} octet ICV [RFC5282]", $"AES-GCM-{size}-{octets}", Ikev2CipherMode.AesGcm, bits / 8, 4, 8, icv));
            }
        }

        return list;
    }
}
