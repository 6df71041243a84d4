namespace Analyzer.Protocols.Ike.Registry;

/// <summary>What a known vendor ID announces; rules read these rather than names.</summary>
[Flags]
public enum VendorIdFeature : ushort
{
    None = 0,
    /// <summary>NAT-T as RFC 3947.</summary>
    NatTraversalRfc = 1,
    /// <summary>NAT-T as one of the draft-ietf-ipsec-nat-t-ike / draft-stenberg versions.</summary>
    NatTraversalDraft = 2,
    DeadPeerDetection = 4,
    Xauth = 8,
    /// <summary>IKEv1 fragmentation (Cisco VID, also sent by strongSwan and Windows).</summary>
    Fragmentation = 16,
    /// <summary>A Microsoft Windows IKE implementation.</summary>
    Microsoft = 32,
    CiscoUnity = 64,
}
