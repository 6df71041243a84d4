namespace Analyzer.Protocols.Link;

/// <summary>What a link layer carries, as far as the decode stage cares.</summary>
public enum NetworkLayer : byte
{
    /// <summary>Headers cut short or malformed: nothing can be said.</summary>
    Undecodable,
    /// <summary>Some other protocol (ARP, LLDP, IPX…): counted and skipped.</summary>
    Other,
    Ipv4,
    Ipv6,
    /// <summary>PPP control or data that is not IP (LCP, PAP, CHAP, IPCP…); the offset is at the PPP protocol field.</summary>
    Ppp,
}
