using System.Collections.Frozen;
using System.Globalization;

namespace Analyzer.Protocols.Ppp;

/// <summary>PPP protocol numbers (IANA "PPP DLL Protocol Numbers") vpndiag names or decodes.</summary>
public static class PppProtocols
{
    public const ushort Ipv4 = 0x0021;
    public const ushort Ipv6 = 0x0057;
    public const ushort CompressedDatagram = 0x00FD;
    public const ushort Ipcp = 0x8021;
    public const ushort Ipv6cp = 0x8057;
    public const ushort Ccp = 0x80FD;
    public const ushort Lcp = 0xC021;
    public const ushort Pap = 0xC023;
    public const ushort Chap = 0xC223;
    public const ushort Eap = 0xC227;

    private static readonly FrozenDictionary<ushort, string> Names = new Dictionary<ushort, string>
    {
        [0x0021] = "IPv4",
        [0x002B] = "IPX",
        [0x002D] = "VJ compressed TCP/IP",
        [0x002F] = "VJ uncompressed TCP/IP",
        [0x003D] = "Multilink",
        [0x0057] = "IPv6",
        [0x00FB] = "Individual link compressed datagram",
        [0x00FD] = "Compressed datagram (MPPE/MPPC)",
        [0x8021] = "IPCP",
        [0x802B] = "IPXCP",
        [0x8057] = "IPV6CP",
        [0x80FB] = "Individual link CCP",
        [0x80FD] = "CCP",
        [0xC021] = "LCP",
        [0xC023] = "PAP",
        [0xC025] = "LQR",
        [0xC029] = "CBCP",
        [0xC223] = "CHAP",
        [0xC227] = "EAP",
    }.ToFrozenDictionary();

    public static string Name(ushort protocol) =>
        Names.TryGetValue(protocol, out string? name) ? name : string.Create(CultureInfo.InvariantCulture, $"unknown (0x{protocol:X4})");

    /// <summary>Protocols whose packets follow the LCP packet format (code, identifier, length, data).</summary>
    public static bool IsControl(ushort protocol) =>
        protocol is Lcp or Pap or Chap or Eap or Ipcp or Ipv6cp or Ccp or 0x80FB or 0x802B or 0xC029;

    /// <summary>Network-layer traffic (user data, counted not decoded).</summary>
    public static bool IsData(ushort protocol) => protocol < 0x4000;
}
