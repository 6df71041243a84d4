namespace Analyzer.Protocols.Ike.Registry;

/// <summary>Diffie-Hellman groups (IANA "Transform Type 4", RFC 2409 §6, RFC 3526, RFC 5903, RFC 5114, RFC 8031), short names as strongSwan writes them.</summary>
public static class DhGroups
{
    public static NameTable Table { get; } = new(new Dictionary<int, string>
    {
        [0] = "NONE",
        [1] = "modp768",
        [2] = "modp1024",
        [3] = "ec2n155",
        [4] = "ec2n185",
        [5] = "modp1536",
        [14] = "modp2048",
        [15] = "modp3072",
        [16] = "modp4096",
        [17] = "modp6144",
        [18] = "modp8192",
        [19] = "ecp256",
        [20] = "ecp384",
        [21] = "ecp521",
        [22] = "modp1024s160",
        [23] = "modp2048s224",
        [24] = "modp2048s256",
        [25] = "ecp192",
        [26] = "ecp224",
        [27] = "ecp224bp",
        [28] = "ecp256bp",
        [29] = "ecp384bp",
        [30] = "ecp512bp",
        [31] = "curve25519",
        [32] = "curve448",
    }, (1024, 65535, "Private use"));
}
