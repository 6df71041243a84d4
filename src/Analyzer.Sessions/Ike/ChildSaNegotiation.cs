namespace Analyzer.Sessions.Ike;

/// <summary>Phase 2 content, known only where the Quick Mode was decrypted (or for IKEv2, never in clear).</summary>
public sealed class ChildSaNegotiation
{
    /// <summary>ESP/AH SPIs the initiator offered (its inbound SPIs).</summary>
    public List<uint> InitiatorSpis { get; } = [];

    /// <summary>SPIs in the responder's answer (its inbound SPIs).</summary>
    public List<uint> ResponderSpis { get; } = [];

    /// <summary>"Transport", "Tunnel", "UDP-Encapsulated-Transport" ... as named in RFC 2407/3947.</summary>
    public string? EncapsulationMode { get; set; }

    /// <summary>The same mode as its attribute number (<c>EncapsulationModes</c>): what rules test.</summary>
    public int? EncapsulationModeId { get; set; }

    public List<IkeProposal> Offered { get; } = [];

    public IkeProposal? Chosen { get; set; }

    /// <summary>Client/responder IDs (IDci/IDcr) with protocol and port, e.g. "192.0.2.10 udp/1701".</summary>
    public List<IkeIdentity> TrafficSelectors { get; } = [];
}
