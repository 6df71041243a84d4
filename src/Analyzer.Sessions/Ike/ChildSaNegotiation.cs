namespace Analyzer.Sessions.Ike;

/// <summary>A child SA's negotiation (Quick Mode, IKEv2 IKE_AUTH or CREATE_CHILD_SA), known only where its exchange was decrypted.</summary>
public sealed class ChildSaNegotiation
{
    /// <summary>ESP/AH SPIs the initiator offered (its inbound SPIs).</summary>
    public List<uint> InitiatorSpis { get; } = [];

    /// <summary>SPIs in the responder's answer (its inbound SPIs).</summary>
    public List<uint> ResponderSpis { get; } = [];

    /// <summary>The Encapsulation Mode attribute's number (RFC 2407 §4.5, RFC 3947 §5.2; <c>EncapsulationModes</c>), chosen or else offered.</summary>
    public int? EncapsulationModeId { get; set; }

    public List<IkeProposal> Offered { get; } = [];

    public IkeProposal? Chosen { get; set; }

    /// <summary>Client/responder IDs (IDci/IDcr) with protocol and port, e.g. "192.0.2.10 udp/1701".</summary>
    public List<IkeIdentity> TrafficSelectors { get; } = [];

    /// <summary>IKEv2: the error notify that refused this CHILD SA while the IKE SA itself came up (TS_UNACCEPTABLE, INTERNAL_ADDRESS_FAILURE... in an IKE_AUTH response with AUTH).</summary>
    public IkeNotifyObservation? RefusedBy { get; set; }
}
