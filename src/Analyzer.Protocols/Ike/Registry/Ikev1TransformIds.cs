namespace Analyzer.Protocols.Ike.Registry;

/// <summary>IKEv1 transform identifiers per protocol (RFC 2407 §4.4.2–4.4.5, IANA IPsec registry).</summary>
public static class Ikev1TransformIds
{
    public static NameTable Isakmp { get; } = new(new Dictionary<int, string> { [1] = "KEY_IKE" });

    public static NameTable Ah { get; } = new(new Dictionary<int, string>
    {
        [2] = "MD5",
        [3] = "SHA",
        [4] = "DES",
        [5] = "SHA2-256",
        [6] = "SHA2-384",
        [7] = "SHA2-512",
    });

    public static NameTable Esp { get; } = new(new Dictionary<int, string>
    {
        [1] = "DES-IV64",
        [2] = "DES",
        [3] = "3DES",
        [4] = "RC5",
        [5] = "IDEA",
        [6] = "CAST",
        [7] = "BLOWFISH",
        [8] = "3IDEA",
        [9] = "DES-IV32",
        [10] = "RC4",
        [11] = "NULL",
        [12] = "AES",
        [13] = "AES-CTR",
        [14] = "AES-CCM-8",
        [15] = "AES-CCM-12",
        [16] = "AES-CCM-16",
        [18] = "AES-GCM-8",
        [19] = "AES-GCM-12",
        [20] = "AES-GCM-16",
        [21] = "NULL-AUTH-AES-GMAC",
        [22] = "CAMELLIA",
    }, (249, 255, "Private use"));

    public static NameTable IpComp { get; } = new(new Dictionary<int, string>
    {
        [1] = "OUI",
        [2] = "DEFLATE",
        [3] = "LZS",
        [4] = "LZJH",
    });

    public static string Name(byte protocolId, int transformId) => protocolId switch
    {
        1 => Isakmp.Name(transformId),
        2 => Ah.Name(transformId),
        3 => Esp.Name(transformId),
        4 => IpComp.Name(transformId),
        _ => NameTable.Unknown(transformId),
    };
}
