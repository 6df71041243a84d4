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
