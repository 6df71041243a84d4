using Analyzer.Core;
using Analyzer.Protocols.Ike.Payloads;

namespace Analyzer.Protocols.Ike;

/// <summary>
/// What one ISAKMP/IKE payload chain carries, copied out of the frame buffer so the session stage
/// can keep it. Built once by <see cref="IsakmpContentReader"/> for a clear message or a decrypted
/// body and never changed afterwards: the session stage keeps <see cref="Types"/> as the message's
/// payload list instead of copying it. Only what a later stage reads is copied out (no nonces, no
/// hash or signature bytes); lists nothing filled are shared empty arrays.
/// </summary>
public sealed class IsakmpContent
{
    /// <summary>Top-level payload types in chain order (what tshark lists).</summary>
    public required IReadOnlyList<PayloadType> Types { get; init; }

    public IReadOnlyList<SaProposal> Proposals { get; init; } = [];

    public KeyExchangePayload? KeyExchange { get; init; }

    /// <summary>NAT-D hashes in order (IKEv1: first is the peer's address, then own addresses, RFC 3947 §3.2).</summary>
    public IReadOnlyList<byte[]> NatDiscoveryHashes { get; init; } = [];

    public IReadOnlyList<IdentificationPayload> Identities { get; init; } = [];

    public IReadOnlyList<CertificatePayload> Certificates { get; init; } = [];

    public IReadOnlyList<CertificateRequestPayload> CertificateRequests { get; init; } = [];

    public IReadOnlyList<NotificationPayload> Notifications { get; init; } = [];

    public IReadOnlyList<DeletePayload> Deletes { get; init; } = [];

    public IReadOnlyList<byte[]> VendorIds { get; init; } = [];

    public FragmentPayload? Fragment { get; init; }

    /// <summary>IKEv2 SK/SKF: the first payload inside the encrypted body.</summary>
    public PayloadType InnerFirstPayload { get; init; }

    /// <summary>Broken structures, offsets relative to the message start.</summary>
    public IReadOnlyList<ParseError> Errors { get; init; } = [];

    /// <summary>Bytes after the last payload of the chain, where they should not be.</summary>
    public int ExtraBytes { get; init; }

    public int ExtraBytesOffset { get; init; }

    public bool Has(PayloadType type)
    {
        foreach (PayloadType present in Types)
        {
            if (present == type)
            {
                return true;
            }
        }

        return false;
    }
}
