namespace Analyzer.Protocols.Ike;

/// <summary>
/// Next-payload numbers of IKEv1 (RFC 2408 §3.1, RFC 3947, draft NAT-T, Cisco fragmentation) and
/// IKEv2 (RFC 7296 §3.2, RFC 7383). The two ranges do not overlap, so one enum serves both.
/// </summary>
public enum PayloadType : byte
{
    None = 0,
    SecurityAssociation = 1,
    Proposal = 2,
    Transform = 3,
    KeyExchange = 4,
    Identification = 5,
    Certificate = 6,
    CertificateRequest = 7,
    Hash = 8,
    Signature = 9,
    Nonce = 10,
    Notification = 11,
    Delete = 12,
    VendorId = 13,
    /// <summary>Mode-config attributes (draft-ietf-ipsec-isakmp-mode-cfg).</summary>
    Attributes = 14,
    NatDiscovery = 20,
    NatOriginalAddress = 21,
    V2SecurityAssociation = 33,
    V2KeyExchange = 34,
    V2IdentificationInitiator = 35,
    V2IdentificationResponder = 36,
    V2Certificate = 37,
    V2CertificateRequest = 38,
    V2Authentication = 39,
    V2Nonce = 40,
    V2Notify = 41,
    V2Delete = 42,
    V2VendorId = 43,
    V2TrafficSelectorInitiator = 44,
    V2TrafficSelectorResponder = 45,
    /// <summary>SK: everything after it is inside the encrypted body.</summary>
    V2Encrypted = 46,
    V2Configuration = 47,
    V2Eap = 48,
    /// <summary>SKF (RFC 7383): one fragment of an SK payload.</summary>
    V2EncryptedFragment = 53,
    /// <summary>NAT-D of draft-ietf-ipsec-nat-t-ike-01 to 03.</summary>
    NatDiscoveryDraft = 130,
    NatOriginalAddressDraft = 131,
    /// <summary>IKEv1 fragment (Cisco, also used by strongSwan and Windows).</summary>
    Ikev1Fragment = 132,
}
