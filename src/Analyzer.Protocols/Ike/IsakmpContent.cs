using Analyzer.Core;
using Analyzer.Protocols.Ike.Payloads;

namespace Analyzer.Protocols.Ike;

/// <summary>
/// What one ISAKMP/IKE payload chain carries, copied out of the frame buffer so the session stage
/// can keep it. Built by <see cref="IsakmpContentReader"/> for a clear message or a decrypted body.
/// </summary>
public sealed class IsakmpContent
{
    /// <summary>Top-level payload types in chain order (what tshark lists).</summary>
    public List<PayloadType> Types { get; } = [];

    public List<SaProposal> Proposals { get; } = [];

    public uint? Doi { get; set; }

    public uint? Situation { get; set; }

    public KeyExchangePayload? KeyExchange { get; set; }

    public byte[]? Nonce { get; set; }

    /// <summary>NAT-D hashes in order (IKEv1: first is the peer's address, then own addresses, RFC 3947 §3.2).</summary>
    public List<byte[]> NatDiscoveryHashes { get; } = [];

    public List<IdentificationPayload> Identities { get; } = [];

    public List<CertificatePayload> Certificates { get; } = [];

    public List<CertificateRequestPayload> CertificateRequests { get; } = [];

    public List<NotificationPayload> Notifications { get; } = [];

    public List<DeletePayload> Deletes { get; } = [];

    public List<byte[]> VendorIds { get; } = [];

    /// <summary>IKEv2 EAP payloads (decrypted IKE_AUTH).</summary>
    public List<EapPayload> Eap { get; } = [];

    /// <summary>IKEv2 Configuration payloads (decrypted IKE_AUTH).</summary>
    public List<ConfigurationPayload> Configurations { get; } = [];

    /// <summary>IKEv2 TSi (initiator's) traffic selector payloads.</summary>
    public List<TrafficSelectorPayload> InitiatorSelectors { get; } = [];

    /// <summary>IKEv2 TSr (responder's) traffic selector payloads.</summary>
    public List<TrafficSelectorPayload> ResponderSelectors { get; } = [];

    /// <summary>IKEv2 AUTH payload methods (RFC 7296 §3.8: 1 RSA signature, 2 shared key MIC, 14 digital signature...).</summary>
    public List<byte> AuthenticationMethods { get; } = [];

    public FragmentPayload? Fragment { get; set; }

    public bool HasHash { get; set; }

    public bool HasSignature { get; set; }

    /// <summary>IKEv2 SK/SKF: the first payload inside the encrypted body.</summary>
    public PayloadType InnerFirstPayload { get; set; }

    /// <summary>Broken structures, offsets relative to the message start.</summary>
    public List<ParseError> Errors { get; } = [];

    /// <summary>Bytes after the last payload of the chain, where they should not be.</summary>
    public int ExtraBytes { get; set; }

    public int ExtraBytesOffset { get; set; }
}
