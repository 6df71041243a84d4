namespace Analyzer.Capture;

/// <summary>
/// The LINKTYPE_ values of the tcpdump.org link-layer header registry (the numbers pcap and pcapng
/// files store), for the link layers vpndiag decodes. Other values pass through as their number.
/// </summary>
public enum LinkType : ushort
{
    /// <summary>BSD loopback: a 4-byte address family in the writer's byte order.</summary>
    Null = 0,
    Ethernet = 1,
    /// <summary>PPP in HDLC-like framing (RFC 1662), address and control optional.</summary>
    Ppp = 9,
    /// <summary>DLT_RAW as written by some BSDs: raw IPv4 or IPv6.</summary>
    RawBsd12 = 12,
    /// <summary>DLT_RAW as written by OpenBSD: raw IPv4 or IPv6.</summary>
    RawBsd14 = 14,
    PppHdlc = 50,
    PppEther = 51,
    Raw = 101,
    CiscoHdlc = 104,
    /// <summary>OpenBSD loopback: the address family is big-endian.</summary>
    Loop = 108,
    /// <summary>Linux "cooked" capture (any interface), 16-byte header.</summary>
    LinuxSll = 113,
    PppWithDirection = 204,
    Ipv4 = 228,
    Ipv6 = 229,
    /// <summary>Linux cooked capture v2, 20-byte header.</summary>
    LinuxSll2 = 276,
}
