using System.Collections.Frozen;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// The algorithms a daemon log says were negotiated, as the typed values
/// <see cref="AlgorithmRequirements"/> judges (the one owner of "which algorithms are weak", RFC 8247
/// for the IKE SA and RFC 8221 for ESP and AH, so a log line is judged by its protocol). Names
/// are the daemons' own: strongSwan's transform names in "selected proposal:
/// IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024" (libstrongswan crypto/transform names, key
/// length appended to variable-length ciphers: AES_CBC_256), and Libreswan's in "IKE SA established
/// {auth=PRESHARED_KEY cipher=AES_CBC_256 integ=HMAC_SHA2_256 group=MODP2048}" (IKEv1 integ is the
/// hash used as PRF; group names without the underscore, or DH19 style). Unknown names are skipped.
/// </summary>
internal static class LoggedAlgorithms
{
    private static readonly FrozenDictionary<string, TransformValue> Names = new Dictionary<string, TransformValue>(StringComparer.OrdinalIgnoreCase)
    {
        // RFC 7296 §3.3.2 transform type 1 (encryption); key lengths are cut off before the lookup.
        ["DES_CBC"] = new(TransformRegistry.V2Encryption, 2),
        ["DES"] = new(TransformRegistry.V2Encryption, 2),
        ["3DES_CBC"] = new(TransformRegistry.V2Encryption, 3),
        ["3DES"] = new(TransformRegistry.V2Encryption, 3),
        ["CAST_CBC"] = new(TransformRegistry.V2Encryption, 6),
        ["BLOWFISH_CBC"] = new(TransformRegistry.V2Encryption, 7),
        ["NULL"] = new(TransformRegistry.V2Encryption, 11),
        ["AES_CBC"] = new(TransformRegistry.V2Encryption, 12),
        ["AES_CTR"] = new(TransformRegistry.V2Encryption, 13),
        ["AES_CCM_8"] = new(TransformRegistry.V2Encryption, 14),
        ["AES_CCM_12"] = new(TransformRegistry.V2Encryption, 15),
        ["AES_CCM_16"] = new(TransformRegistry.V2Encryption, 16),
        ["AES_GCM_8"] = new(TransformRegistry.V2Encryption, 18),
        ["AES_GCM_12"] = new(TransformRegistry.V2Encryption, 19),
        ["AES_GCM_16"] = new(TransformRegistry.V2Encryption, 20),
        ["CAMELLIA_CBC"] = new(TransformRegistry.V2Encryption, 23),
        ["CHACHA20_POLY1305"] = new(TransformRegistry.V2Encryption, 28),
        // type 2 (PRF): strongSwan's PRF_ names; Libreswan's IKEv1 "integ=" (the hash, used as HMAC PRF).
        ["PRF_HMAC_MD5"] = new(TransformRegistry.V2Prf, 1),
        ["HMAC_MD5"] = new(TransformRegistry.V2Prf, 1),
        ["PRF_HMAC_SHA1"] = new(TransformRegistry.V2Prf, 2),
        ["HMAC_SHA1"] = new(TransformRegistry.V2Prf, 2),
        ["PRF_AES128_XCBC"] = new(TransformRegistry.V2Prf, 4),
        ["PRF_HMAC_SHA2_256"] = new(TransformRegistry.V2Prf, 5),
        ["HMAC_SHA2_256"] = new(TransformRegistry.V2Prf, 5),
        ["PRF_HMAC_SHA2_384"] = new(TransformRegistry.V2Prf, 6),
        ["HMAC_SHA2_384"] = new(TransformRegistry.V2Prf, 6),
        ["PRF_HMAC_SHA2_512"] = new(TransformRegistry.V2Prf, 7),
        ["HMAC_SHA2_512"] = new(TransformRegistry.V2Prf, 7),
        // type 3 (integrity)
        ["HMAC_MD5_96"] = new(TransformRegistry.V2Integrity, 1),
        ["HMAC_SHA1_96"] = new(TransformRegistry.V2Integrity, 2),
        ["DES_MAC"] = new(TransformRegistry.V2Integrity, 3),
        ["AES_XCBC_96"] = new(TransformRegistry.V2Integrity, 5),
        ["AES_CMAC_96"] = new(TransformRegistry.V2Integrity, 8),
        ["HMAC_SHA2_256_128"] = new(TransformRegistry.V2Integrity, 12),
        ["HMAC_SHA2_384_192"] = new(TransformRegistry.V2Integrity, 13),
        ["HMAC_SHA2_512_256"] = new(TransformRegistry.V2Integrity, 14),
        // type 4 (Diffie-Hellman group), both spellings
        ["MODP_768"] = new(TransformRegistry.DhGroup, 1),
        ["MODP_1024"] = new(TransformRegistry.DhGroup, 2),
        ["MODP_1536"] = new(TransformRegistry.DhGroup, 5),
        ["MODP_2048"] = new(TransformRegistry.DhGroup, 14),
        ["MODP_3072"] = new(TransformRegistry.DhGroup, 15),
        ["MODP_4096"] = new(TransformRegistry.DhGroup, 16),
        ["MODP_6144"] = new(TransformRegistry.DhGroup, 17),
        ["MODP_8192"] = new(TransformRegistry.DhGroup, 18),
        ["ECP_256"] = new(TransformRegistry.DhGroup, 19),
        ["ECP_384"] = new(TransformRegistry.DhGroup, 20),
        ["ECP_521"] = new(TransformRegistry.DhGroup, 21),
        ["MODP_1024_160"] = new(TransformRegistry.DhGroup, 22),
        ["MODP_2048_224"] = new(TransformRegistry.DhGroup, 23),
        ["MODP_2048_256"] = new(TransformRegistry.DhGroup, 24),
        ["CURVE_25519"] = new(TransformRegistry.DhGroup, 31),
        ["CURVE_448"] = new(TransformRegistry.DhGroup, 32),
        ["MODP768"] = new(TransformRegistry.DhGroup, 1),
        ["MODP1024"] = new(TransformRegistry.DhGroup, 2),
        ["MODP1536"] = new(TransformRegistry.DhGroup, 5),
        ["MODP2048"] = new(TransformRegistry.DhGroup, 14),
        ["MODP3072"] = new(TransformRegistry.DhGroup, 15),
        ["MODP4096"] = new(TransformRegistry.DhGroup, 16),
        ["MODP8192"] = new(TransformRegistry.DhGroup, 18),
        ["DH19"] = new(TransformRegistry.DhGroup, 19),
        ["DH20"] = new(TransformRegistry.DhGroup, 20),
        ["DH21"] = new(TransformRegistry.DhGroup, 21),
        ["DH31"] = new(TransformRegistry.DhGroup, 31),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names of a strongSwan proposal ("IKE:A/B/C/D") or of Libreswan's fields, each with its value where known.</summary>
    public static IEnumerable<(string Name, TransformValue Value)> Read(IEnumerable<string> names)
    {
        foreach (string raw in names)
        {
            string name = raw.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (Names.TryGetValue(name, out TransformValue value) || Names.TryGetValue(WithoutKeyLength(name), out value))
            {
                yield return (name, value);
            }
        }
    }

    /// <summary>strongSwan's "IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024" (or ESP:...) as names.</summary>
    public static IEnumerable<string> ProposalNames(string proposal)
    {
        int colon = proposal.IndexOf(':', StringComparison.Ordinal);
        return proposal[(colon + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>The protocol a strongSwan proposal names ("ESP:…", "AH:…", "IKE:…"); null without a prefix.</summary>
    public static SecurityProtocol? ProposalProtocol(string proposal) =>
        proposal.StartsWith("ESP:", StringComparison.OrdinalIgnoreCase) ? SecurityProtocol.Esp
        : proposal.StartsWith("AH:", StringComparison.OrdinalIgnoreCase) ? SecurityProtocol.Ah
        : proposal.StartsWith("IKE:", StringComparison.OrdinalIgnoreCase) ? SecurityProtocol.Ike
        : null;

    /// <summary>"MODP_1024 (SHOULD NOT, deprecated: RFC 8247 §3.4)" for each weak algorithm, in the log's order.</summary>
    public static List<string> Weak(IEnumerable<string> names, SecurityProtocol protocol)
    {
        var read = Read(names).ToList();
        var weak = new List<string>();
        foreach (JudgedAlgorithm judged in AlgorithmRequirements.Judge(read.ConvertAll(r => r.Value), protocol))
        {
            // Only what the line names: a log line without an integrity name is no evidence of AUTH_NONE.
            int at = read.FindIndex(r => r.Value == judged.Value);
            if (judged.IsWeak && at >= 0)
            {
                weak.Add(WeakAlgorithmText.Of(read[at].Name, judged));
            }
        }

        return weak;
    }

    // "AES_CBC_256" → "AES_CBC", "3DES_CBC_192" → "3DES_CBC": the names carry the key length.
    private static string WithoutKeyLength(string name)
    {
        int underscore = name.LastIndexOf('_');
        return underscore > 0 && name.AsSpan(underscore + 1) is { Length: 3 } bits && int.TryParse(bits, out _) ? name[..underscore] : name;
    }
}
