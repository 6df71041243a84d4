namespace Analyzer.Protocols.Ike.Registry;

/// <summary>IKEv1 Phase 2 attribute 4, Encapsulation Mode (RFC 2407 §4.5, RFC 3947 §5, draft-ietf-ipsec-nat-t-ike).</summary>
public static class EncapsulationModes
{
    public const int Tunnel = 1;
    public const int Transport = 2;
    public const int UdpEncapsulatedTunnel = 3;
    public const int UdpEncapsulatedTransport = 4;
    public const int UdpEncapsulatedTunnelDraft = 61443;
    public const int UdpEncapsulatedTransportDraft = 61444;

    /// <summary>Tunnel mode, in the clear or UDP-encapsulated (RFC 3947 or the drafts' private number).</summary>
    public static bool IsTunnel(int mode) => mode is Tunnel or UdpEncapsulatedTunnel or UdpEncapsulatedTunnelDraft;
}
