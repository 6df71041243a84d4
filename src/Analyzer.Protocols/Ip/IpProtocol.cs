namespace Analyzer.Protocols.Ip;

/// <summary>IANA "Assigned Internet Protocol Numbers" used by the decode stage.</summary>
public enum IpProtocol : byte
{
    HopByHop = 0,
    Icmp = 1,
    Tcp = 6,
    Udp = 17,
    Routing = 43,
    Fragment = 44,
    Gre = 47,
    Esp = 50,
    Ah = 51,
    Icmpv6 = 58,
    NoNextHeader = 59,
    DestinationOptions = 60,
    Mobility = 135,
    Hip = 139,
    Shim6 = 140,
}
