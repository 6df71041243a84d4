namespace Analyzer.Protocols.Traffic;

/// <summary>
/// The well-known ports of the VPN protocols vpndiag decodes: the one place later stages take
/// them from (IANA service names isakmp, ipsec-nat-t, l2f/l2tp, pptp).
/// </summary>
public static class VpnPorts
{
    /// <summary>IKE (RFC 2408, RFC 7296 §2).</summary>
    public const ushort Isakmp = 500;

    /// <summary>IKE after the non-ESP marker, ESP-in-UDP and NAT-keepalives (RFC 3947, RFC 3948).</summary>
    public const ushort NatTraversal = 4500;

    /// <summary>L2TP (RFC 2661 §8.1).</summary>
    public const ushort L2tp = 1701;

    /// <summary>PPTP's TCP control connection (RFC 2637).</summary>
    public const ushort Pptp = 1723;

    /// <summary>True when either port is an IKE port (500 or 4500).</summary>
    public static bool IsIke(ushort source, ushort destination) =>
        source is Isakmp or NatTraversal || destination is Isakmp or NatTraversal;

    /// <summary>True when either port is 4500.</summary>
    public static bool IsNatTraversal(ushort source, ushort destination) => source == NatTraversal || destination == NatTraversal;
}
