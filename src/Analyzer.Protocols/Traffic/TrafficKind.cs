namespace Analyzer.Protocols.Traffic;

/// <summary>The VPN-relevant kinds of datagram the decode stage hands on; everything else is only counted.</summary>
public enum TrafficKind : byte
{
    /// <summary>ISAKMP/IKE on UDP 500 (or any port pair where a peer floated without NAT-T).</summary>
    Ike,
    /// <summary>IKE on UDP 4500 after the four-byte non-ESP marker (RFC 3948 §2.2); the payload starts after the marker.</summary>
    IkeNatT,
    /// <summary>RFC 3948 §2.3 NAT-keepalive: a single 0xFF byte on UDP 4500.</summary>
    NatKeepalive,
    /// <summary>ESP as IP protocol 50; the payload starts at the SPI.</summary>
    Esp,
    /// <summary>ESP in UDP on port 4500 (non-zero first word); the payload starts at the SPI.</summary>
    EspInUdp,
    /// <summary>L2TP on UDP 1701; the payload starts at the L2TP header.</summary>
    L2tp,
    /// <summary>PPTP control connection on TCP 1723; the payload is the TCP segment's data.</summary>
    PptpControl,
    /// <summary>GRE (IP protocol 47); the payload starts at the GRE header.</summary>
    Gre,
    /// <summary>AH (IP protocol 51); the payload starts at the AH header.</summary>
    Ah,
    /// <summary>PPPoE session (EtherType 0x8864) or a PPP link type; the payload starts at the PPP protocol field.</summary>
    Ppp,

    /// <summary>
    /// An ICMP or ICMPv6 error (unreachable, fragmentation needed / packet too big, time exceeded)
    /// quoting a VPN datagram: a closed port 500, a firewall's reject, a PMTU black hole. Endpoints
    /// are the error's own (who reports, to whom); the payload starts at the ICMP type byte, and the
    /// quoted IP header follows the 8-byte ICMP header.
    /// </summary>
    IcmpError,
}
