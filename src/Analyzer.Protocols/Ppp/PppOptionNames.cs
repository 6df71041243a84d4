using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.Ppp;

/// <summary>Configuration option names: LCP (RFC 1661 §6, RFC 1990), IPCP (RFC 1332, RFC 1877), IPV6CP (RFC 5072), CCP (RFC 1962, RFC 3078).</summary>
public static class PppOptionNames
{
    public const byte LcpMru = 1;
    public const byte LcpAccm = 2;
    public const byte LcpAuthenticationProtocol = 3;
    public const byte LcpMagicNumber = 5;
    public const byte IpcpAddress = 3;
    public const byte Ipv6cpInterfaceIdentifier = 1;
    public const byte CcpMppe = 18;

    private static readonly FrozenDictionary<byte, string> Lcp = new Dictionary<byte, string>
    {
        [1] = "MRU",
        [2] = "ACCM",
        [3] = "Authentication-Protocol",
        [4] = "Quality-Protocol",
        [5] = "Magic-Number",
        [7] = "Protocol-Field-Compression",
        [8] = "Address-and-Control-Field-Compression",
        [9] = "FCS-Alternatives",
        [10] = "Self-Describing-Pad",
        [13] = "Callback",
        [17] = "Multilink-MRRU",
        [18] = "Multilink-Short-Sequence",
        [19] = "Multilink-Endpoint-Discriminator",
        [23] = "Link-Discriminator",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<byte, string> Ipcp = new Dictionary<byte, string>
    {
        [1] = "IP-Addresses",
        [2] = "IP-Compression-Protocol",
        [3] = "IP-Address",
        [129] = "Primary-DNS",
        [130] = "Primary-NBNS",
        [131] = "Secondary-DNS",
        [132] = "Secondary-NBNS",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<byte, string> Ipv6cp = new Dictionary<byte, string>
    {
        [1] = "Interface-Identifier",
        [2] = "IPv6-Compression-Protocol",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<byte, string> Ccp = new Dictionary<byte, string>
    {
        [0] = "OUI",
        [1] = "Predictor-1",
        [2] = "Predictor-2",
        [3] = "Puddle-Jumper",
        [16] = "Hewlett-Packard-PPC",
        [17] = "Stac-LZS",
        [18] = "MPPE/MPPC",
        [19] = "Gandalf-FZA",
        [20] = "V.42bis",
        [21] = "BSD-Compress",
        [23] = "LZS-DCP",
        [24] = "MVRCA",
        [26] = "Deflate",
    }.ToFrozenDictionary();

    public static string Name(ushort protocol, byte type)
    {
        FrozenDictionary<byte, string>? table = protocol switch
        {
            PppProtocols.Lcp => Lcp,
            PppProtocols.Ipcp => Ipcp,
            PppProtocols.Ipv6cp => Ipv6cp,
            PppProtocols.Ccp => Ccp,
            _ => null,
        };
        return table is not null && table.TryGetValue(type, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"option {type}");
    }
}
