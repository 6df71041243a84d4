namespace Analyzer.Protocols.Ike.Registry;

/// <summary>Security protocol identifiers in proposals, notifies and deletes (RFC 2407 §4.4.1, RFC 7296 §3.3.1).</summary>
public static class ProtocolIds
{
    public const byte Isakmp = 1;
    public const byte Ah = 2;
    public const byte Esp = 3;

    public static NameTable V1 { get; } = new(new Dictionary<int, string>
    {
        [0] = "RESERVED",
        [1] = "ISAKMP",
        [2] = "IPSEC_AH",
        [3] = "IPSEC_ESP",
        [4] = "IPCOMP",
    }, (249, 255, "Private use"));

    public static NameTable V2 { get; } = new(new Dictionary<int, string>
    {
        [0] = "RESERVED",
        [1] = "IKE",
        [2] = "AH",
        [3] = "ESP",
    }, (201, 255, "Private use"));

    public static string Name(byte id, bool v2) => v2 ? V2.Name(id) : V1.Name(id);
}
