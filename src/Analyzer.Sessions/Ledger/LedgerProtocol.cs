namespace Analyzer.Sessions.Ledger;

/// <summary>
/// How a packet travelled, in the terms a path report uses: each value fails independently on a real
/// path (a firewall blocks UDP 500 but not 4500, a router drops IP protocol 50, fragments vanish).
/// </summary>
public enum LedgerProtocol : byte
{
    /// <summary>IKE on UDP 500.</summary>
    Udp500,
    /// <summary>IKE after the non-ESP marker, and NAT-T keepalives, on UDP 4500.</summary>
    Udp4500,
    /// <summary>ESP, raw (IP protocol 50) or UDP-encapsulated.</summary>
    Esp,
    /// <summary>L2TP on UDP 1701 in the clear.</summary>
    Udp1701,
    /// <summary>An IP datagram whose fragments never all arrived.</summary>
    IpFragments,
}
