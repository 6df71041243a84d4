using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// One IKE SA keyed by its cookies (IKEv1) or SPIs (IKEv2): its exchanges, what each side said,
/// and where the negotiation stopped.
/// </summary>
public sealed class IkeSa
{
    /// <summary>1 or 2.</summary>
    public required int Version { get; init; }

    public required ulong InitiatorCookie { get; init; }

    /// <summary>0 until the responder answered.</summary>
    public ulong ResponderCookie { get; set; }

    /// <summary>The initiator's address and port as this capture saw them on its first message.</summary>
    public required NetEndpoint Initiator { get; init; }

    public required NetEndpoint Responder { get; init; }

    /// <summary>MainMode, AggressiveMode or IkeSaInit.</summary>
    public IkeExchangeKind Phase1 { get; set; }

    public IkeSaState State { get; set; }

    public List<IkeExchange> Exchanges { get; } = [];

    /// <summary>All messages of this SA in frame order (also reachable through <see cref="Exchanges"/>).</summary>
    public List<IkeMessage> Messages { get; } = [];

    /// <summary>Phase 1 transforms offered by the initiator.</summary>
    public List<IkeProposal> Proposals { get; } = [];

    /// <summary>Phase 1 transform the responder chose; null if none was chosen.</summary>
    public IkeProposal? Chosen { get; set; }

    /// <summary>
    /// The IKEv1 authentication method of the chosen (else first offered) transform, as its registry
    /// number; <c>AuthenticationCredentials.Of</c> classifies it, <c>Name</c> spells it for reports.
    /// </summary>
    public TransformValue? AuthenticationMethod { get; set; }

    public List<VendorIdObservation> VendorIds { get; } = [];

    public NatDetection Nat { get; } = new();

    public List<IkeIdentity> Identities { get; } = [];

    public List<IkeCertificate> Certificates { get; } = [];

    public List<IkeCertificateRequest> CertificateRequests { get; } = [];

    public List<IkeNotifyObservation> Notifies { get; } = [];

    public List<IkeDeleteObservation> Deletes { get; } = [];

    public List<IkeAnomaly> Anomalies { get; } = [];

    /// <summary>IKEv2 AUTH, EAP, configuration and traffic selectors (from decrypted IKE_AUTH and CREATE_CHILD_SA).</summary>
    public Ikev2Authentication V2 { get; } = new();

    /// <summary>A key from --ike-keys matched this SA.</summary>
    public bool Decrypted { get; set; }

    /// <summary>ESP SPIs tied to this SA (from decrypted Quick Modes, or by timing and addresses).</summary>
    public List<uint> ChildSpis { get; } = [];

    /// <summary>Messages sent as IKE-level fragments (complete or not).</summary>
    public List<IkeFragmentedMessage> FragmentedMessages { get; } = [];

    /// <summary>IP-fragmented datagrams of this SA that never completed.</summary>
    public List<IkeLostDatagram> LostDatagrams { get; } = [];

    /// <summary>The key file the decryption key came from: reports say "decrypted with a key from FILE" and nothing more.</summary>
    public string? DecryptionKeyOrigin { get; set; }

    /// <summary>Messages seen but not listed in <see cref="Messages"/> (past <c>AnalysisLimits.MaxIkeMessagesPerSa</c>: the middle of a very long SA).</summary>
    public long MessagesNotListed { get; set; }

    /// <summary>The Wireshark/tshark display filter that shows this SA's messages (by initiator cookie or SPI).</summary>
    public string DisplayFilter => IkeDisplayFilter.ForInitiatorCookie(InitiatorCookie);

    /// <summary>True when a datagram from <paramref name="source"/> was sent by the initiator (by address; by port when both peers share one address).</summary>
    public bool IsFromInitiator(NetEndpoint source) =>
        Initiator.Address != Responder.Address ? source.Address == Initiator.Address : source.Port == Initiator.Port;

    public FrameRef FirstFrame => Messages.Count > 0 ? Messages[0].Frame : default;

    public FrameRef LastFrame => Messages.Count > 0 ? Messages[^1].Frame : default;
}
