using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// One IKE SA as one capture saw it, flattened into the facts rules test (subject <c>sa</c>).
/// Every property is documented in docs/rules.md; strings are raw input text (escaped at render).
/// </summary>
public sealed class SaFacts : FactOrigin
{
    // Identity and outcome
    public int Version { get; init; }
    /// <summary>"MainMode", "AggressiveMode", "IkeSaInit" (or "Unknown").</summary>
    public string Phase1 { get; init; } = "";
    public bool IsAggressive { get; init; }
    /// <summary>IkeSaState name: Negotiating, NoResponse, Failed, Established, Deleted.</summary>
    public string State { get; init; } = "";
    /// <summary>Phase 1 completed (state Established or Deleted).</summary>
    public bool Established { get; init; }
    public string Initiator { get; init; } = "";
    public string Responder { get; init; } = "";
    public string InitiatorAddress { get; init; } = "";
    public string ResponderAddress { get; init; } = "";
    /// <summary>16 hex digits.</summary>
    public string InitiatorCookie { get; init; } = "";
    public string ResponderCookie { get; init; } = "";
    /// <summary>Wireshark display filter selecting this SA's IKE messages.</summary>
    public string DisplayFilter { get; init; } = "";

    // Phase 1 progress
    /// <summary>How often the first message (MM1/AM1/IKE_SA_INIT request) was sent.</summary>
    public int FirstMessageSends { get; init; }
    /// <summary>At least one message from the responder was seen.</summary>
    public bool ResponderAnswered { get; init; }
    /// <summary>Highest Phase 1 message number seen (MM1..6, AM1..3; IKEv2: 1..4 over IKE_SA_INIT + IKE_AUTH).</summary>
    public int Phase1HighestMessage { get; init; }
    /// <summary>ExchangeState name of the Phase 1 exchange.</summary>
    public string Phase1Outcome { get; init; } = "";
    /// <summary>The Phase 1 message left unanswered (0 if none).</summary>
    public int StalledAfterMessage { get; init; }
    public int StalledMessageSends { get; init; }
    /// <summary>IP fragments the stalled message was sent in (1 = not fragmented, 0 = no stall).</summary>
    public int StalledMessageIpFragments { get; init; }
    /// <summary>Name of the error notify that rejected Phase 1 ("" if none).</summary>
    public string RejectingNotify { get; init; } = "";
    public int RejectingNotifyType { get; init; }
    public bool AnsweredByEncryptedInformational { get; init; }
    /// <summary>Phase 1 authentication was rejected (notify, encrypted informational after MM5, or MM5 repeated unanswered after MM1-4, not fragmented).</summary>
    public bool AuthenticationRejected { get; init; }
    /// <summary>How the rejection showed, in words.</summary>
    public string AuthenticationRejection { get; init; } = "";
    /// <summary>NO_PROPOSAL_CHOSEN answered the Phase 1 offer.</summary>
    public bool ProposalRejected { get; init; }

    // Authentication and transforms
    public string AuthenticationMethod { get; init; } = "";
    public bool UsesPreSharedKey { get; init; }
    public bool UsesCertificates { get; init; }
    /// <summary>Likely meaning of an authentication rejection given the method: PSK mismatch or certificate rejected.</summary>
    public string AuthenticationVerdict { get; init; } = "";
    /// <summary>Offered Phase 1 transforms, "; "-separated one-liners.</summary>
    public string Offered { get; init; } = "";
    public string Chosen { get; init; } = "";

    /// <summary>Child SA transforms offered in decrypted Quick Modes, IKE_AUTH (RFC 7296 §1.2) and CREATE_CHILD_SA, "; "-separated one-liners.</summary>
    public string ChildOffered { get; init; } = "";
    public IReadOnlyList<string> WeakOffered { get; init; } = [];
    public IReadOnlyList<string> WeakChosen { get; init; } = [];
    public bool HasWeakOffered { get; init; }
    public bool HasWeakChosen { get; init; }

    /// <summary>A chosen child SA is ESP with the NULL cipher (RFC 2410): integrity only, its payload (L2TP, PPP) travels in clear.</summary>
    public bool ChildWithoutConfidentiality { get; init; }

    // NAT
    public bool NatDetected { get; init; }
    public bool InitiatorBehindNat { get; init; }
    public bool ResponderBehindNat { get; init; }
    /// <summary>"initiator", "responder", "both" or "none".</summary>
    public string NatSide { get; init; } = "none";
    /// <summary>NAT-D said so, path comparison saw a rewrite, or the initiator's address is private and the responder's public.</summary>
    public bool NatLikely { get; init; }
    /// <summary>Why <see cref="NatLikely"/> is true, in words.</summary>
    public string NatEvidence { get; init; } = "";
    public bool InitiatorSupportsNatT { get; init; }
    public bool ResponderSupportsNatT { get; init; }
    public string NatTVersion { get; init; } = "";
    public bool FloatedTo4500 { get; init; }
    /// <summary>NAT detected and both announced NAT-T: the exchange should move to UDP 4500.</summary>
    public bool NatTExpected { get; init; }
    public int InitiatorSent4500 { get; init; }
    public bool ResponderAnswered4500 { get; init; }
    /// <summary>The responder sent anything (on any port) after the initiator's first message on UDP 4500.</summary>
    public bool AnsweredAfterFloat { get; init; }

    // Peers
    /// <summary>Vendor ID names (hex where unknown), both sides.</summary>
    public IReadOnlyList<string> Vendors { get; init; } = [];
    /// <summary>A Microsoft vendor ID (MS NT5 ISAKMPOAKLEY, Windows version) was seen.</summary>
    public bool WindowsPeer { get; init; }
    public string WindowsVersion { get; init; } = "";
    public IReadOnlyList<string> Identities { get; init; } = [];

    // Certificates
    public int CertificateCount { get; init; }
    /// <summary>"subject (valid from … to …; seen …)" for certificates outside validity at the time of their frame.</summary>
    public IReadOnlyList<string> CertificatesOutsideValidity { get; init; } = [];
    public bool HasCertificateOutsideValidity { get; init; }
    public IReadOnlyList<string> RequestedCas { get; init; } = [];
    public IReadOnlyList<string> PresentedIssuers { get; init; } = [];
    /// <summary>One side asked for named CAs and the other side presents (or asks for) none of them.</summary>
    public bool NoCommonCa { get; init; }
    public string CaMismatch { get; init; } = "";
    /// <summary>IKEv2 authentication, EAP, configuration and traffic selectors from decrypted IKE_AUTH (see Ikev2Facts).</summary>
    public Ikev2Facts Ikev2 { get; init; } = Ikev2Facts.None;

    // Fragments
    public int IpFragmentedMessages { get; init; }
    /// <summary>IP datagrams between these peers (UDP 500/4500) whose fragments never all arrived.</summary>
    public int IncompleteDatagrams { get; init; }
    /// <summary>IKE-level fragmentation (RFC 7383 / IKEv1 payload 132) used.</summary>
    public bool IkeFragmentation { get; init; }
    /// <summary>Largest IKE message answered by the peer (ISAKMP length).</summary>
    public int LargestAnsweredLength { get; init; }

    // Phase 2
    public int QuickModeAttempts { get; init; }
    public int QuickModesCompleted { get; init; }
    /// <summary>Completed Quick Modes, or IKEv2 child SAs (IKE_AUTH completed, CREATE_CHILD_SA completed).</summary>
    public int ChildSasNegotiated { get; init; }
    public string QuickModeRejectNotify { get; init; } = "";
    public bool QuickModeDecrypted { get; init; }
    public IReadOnlyList<string> EncapsulationModes { get; init; } = [];
    public IReadOnlyList<string> TrafficSelectors { get; init; } = [];
    public bool TunnelModeProposed { get; init; }
    /// <summary>Decrypted selectors name something other than UDP port 1701.</summary>
    public bool SelectorsOtherThanL2tp { get; init; }
    /// <summary>Seconds from the first completed Quick Mode to the end of the capture (-1 if none completed).</summary>
    public double SecondsAfterQuickMode { get; init; } = -1;

    // ESP tied to this SA
    public long EspFromInitiator { get; init; }
    public long EspFromResponder { get; init; }
    public int EspFlowCount { get; init; }
    public long EspAfterDelete { get; init; }

    // Lifetime
    public int DeleteCount { get; init; }
    public bool Deleted { get; init; }
    public int DpdRequests { get; init; }
    public int DpdAcks { get; init; }
    /// <summary>Informational messages at the end of the SA from one side with nothing from the other after them.</summary>
    public int TrailingUnansweredInformationals { get; init; }
    public string TrailingInformationalsFrom { get; init; } = "";
    /// <summary>Established Phase 1 SAs between the same two addresses in this capture.</summary>
    public int PeerPairEstablishedSas { get; init; }
    /// <summary>Seconds between the first and last establishment among those.</summary>
    public double PeerPairSpanSeconds { get; init; }
    public double DurationSeconds { get; init; }
    /// <summary>Seconds from the SA's last message to the end of the capture: how long the capture kept watching.</summary>
    public double SecondsAfterLastMessage { get; init; }

    // Anomalies and paths
    public IReadOnlyList<string> Anomalies { get; init; } = [];
    public int MalformedMessages { get; init; }
    public bool DecryptionFailed { get; init; }
    /// <summary>Losses on the path between two captures for this SA's protocols, as a sentence ("" when none or single capture).</summary>
    public string PathLoss { get; init; } = "";
    /// <summary>ESP lost between the vantage points ("" when none or single capture).</summary>
    public string EspPathLoss { get; init; } = "";

    // Frames to cite
    public IReadOnlyList<FrameRef> FirstMessageFrames { get; init; } = [];

    /// <summary>The first message of each decrypted exchange that offered a child SA (QM1, the IKE_AUTH or CREATE_CHILD_SA request).</summary>
    public IReadOnlyList<FrameRef> ChildOfferFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> StalledFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> RejectFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> Port4500Frames { get; init; } = [];
    public IReadOnlyList<FrameRef> CertificateFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> CertificateRequestFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> FragmentFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> QuickModeFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> DeleteFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> InformationalFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> EspFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> Phase1Frames { get; init; } = [];
    public FrameRef FirstFrame { get; init; }
    public FrameRef LastFrame { get; init; }
}
