using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// One connection attempt for rules (subject <c>attempt</c>): each stage's outcome, the failing
/// stage and side, and the per-view facts the reconciliation of its captures and logs concluded
/// (docs/rules.md). Values are the attempt model's, read, never recomputed.
/// </summary>
public sealed class AttemptFacts : FactOrigin
{
    public string Id { get; init; } = "";
    public string Client { get; init; } = "";
    public string Server { get; init; } = "";

    /// <summary>The client's address alone (no port), for remediation steps that name a firewall rule.</summary>
    public string ClientAddress { get; init; } = "";

    public string ServerAddress { get; init; } = "";

    /// <summary>"IKEv1 Main Mode", "IKEv1 Aggressive Mode", "IKEv2" or "no IKE".</summary>
    public string Ike { get; init; } = "";
    public int IkeVersion { get; init; }

    // Stage outcomes: "passed", "failed", "not-reached", "unknown".
    public string IkeReachability { get; init; } = "";
    public string Phase1Proposal { get; init; } = "";
    public string Phase1Auth { get; init; } = "";
    public string Phase2 { get; init; } = "";
    public string Esp { get; init; } = "";
    public string L2tpTunnel { get; init; } = "";
    public string L2tpSession { get; init; } = "";
    public string PppLcp { get; init; } = "";
    public string PppAuth { get; init; } = "";
    public string PppIpcp { get; init; } = "";
    public string Traffic { get; init; } = "";

    /// <summary>The first failed stage's name, "" when none failed.</summary>
    public string FailedStage { get; init; } = "";

    /// <summary>"client", "server", "path" or "unknown".</summary>
    public string Side { get; init; } = "unknown";

    /// <summary>Why the failure sits on that side, in words (e.g. "blocked on the path or rejected by the server; a capture or log from the server decides").</summary>
    public string SideReason { get; init; } = "";

    /// <summary>Only the client's side of a failed exchange is in the inputs: path and server cannot be told apart.</summary>
    public bool Ambiguous { get; init; }

    // Per-view facts.
    public int Views { get; init; }
    public int CaptureViews { get; init; }
    public int LogViews { get; init; }
    public bool BothEnds { get; init; }
    public int MessagesSeenTwice { get; init; }
    public int MessagesLostInBetween { get; init; }
    public bool NatDiscoveryReportedNat { get; init; }

    /// <summary>Both captures show addresses or ports rewritten (a NAT the path comparison saw).</summary>
    public bool AddressesTranslated { get; init; }

    /// <summary>NAT-D reports a NAT while both captures show unchanged addresses and ports: a peer forced UDP encapsulation.</summary>
    public bool ForcedEncapsulation { get; init; }
    public bool ResponderRepeatedAfterAuthentication { get; init; }
    public bool AuthenticationAnsweredByInformational { get; init; }

    /// <summary>"yes", "no" or "unknown": the last unanswered message reached the server.</summary>
    public string UnansweredReachedServer { get; init; } = "unknown";
    public bool LogDecided { get; init; }

    /// <summary>The failing IKE exchange ended with the responder's answer, and no input shows whether it reached the client (side basis "responder spoke last").</summary>
    public bool ResponderSpokeLast { get; init; }

    /// <summary>The attempt's last IKE message when the responder sent it, e.g. "Main Mode message 2, sent 3 times"; "" otherwise.</summary>
    public string LastAnswer { get; init; } = "";

    /// <summary>The UDP port the responder's last answer left from (500 or 4500); 0 when the responder did not speak last.</summary>
    public int LastAnswerPort { get; init; }

    /// <summary>Every sighting of the responder's last answer (retransmissions included).</summary>
    public IReadOnlyList<FrameRef> LastAnswerFrames { get; init; } = [];

    // From the attempt's IKE SA rows (sa subject), for summaries.
    public string AuthenticationMethod { get; init; } = "";
    public string NatSide { get; init; } = "none";
    public string NatTVersion { get; init; } = "";
    public bool FloatedTo4500 { get; init; }

    /// <summary>From the attempt's SA rows: the SA's Wireshark display filter.</summary>
    public string DisplayFilter { get; init; } = "";

    /// <summary>From the attempt's SA rows: seconds each capture ran after its first completed Quick Mode, the longest; -1 when none completed in a capture.</summary>
    public double SecondsAfterPhase2 { get; init; } = -1;

    /// <summary>From the attempt's SA rows: what the path comparison saw lost, in words ("" when nothing, or one capture).</summary>
    public string PathLoss { get; init; } = "";

    // ESP of the attempt by direction, as the session stage's flows count it (ConnectionAttempt.EspByCapture).

    /// <summary>ESP packets from the client, the most any one capture shows.</summary>
    public long EspFromClient { get; init; }

    /// <summary>ESP packets from the server, the most any one capture shows.</summary>
    public long EspFromServer { get; init; }

    /// <summary>Per capture, e.g. "client.pcap: 9 from the client, 0 from the server; server.pcap: 9 from the client, 0 from the server".</summary>
    public string EspPerCapture { get; init; } = "";

    /// <summary>"client" when the client's ESP left the client's capture and never reached the server's, "server" for the other way, "" when neither (or one end captured).</summary>
    public string EspLostFrom { get; init; } = "";

    /// <summary>What the <c>esp</c> stage's verdict rests on, in words (its first evidence).</summary>
    public string EspReason { get; init; } = "";

    /// <summary>The first ESP packet each way in each capture.</summary>
    public IReadOnlyList<FrameRef> EspFrames { get; init; } = [];

    /// <summary>Quick Mode / CREATE_CHILD_SA frames in every capture of the attempt (from its SA rows).</summary>
    public IReadOnlyList<FrameRef> Phase2Frames { get; init; } = [];

    /// <summary>
    /// What the client is, as its vendor IDs say: "windows" (a Microsoft vendor ID), "other" (it sent
    /// vendor IDs, none of them Microsoft's: every Windows IKE sends one), "unknown" (none seen).
    /// </summary>
    public string ClientKind { get; init; } = "unknown";

    /// <summary>The same for the server.</summary>
    public string ServerKind { get; init; } = "unknown";

    /// <summary>"retry-of A1", "displaced-by A3"…</summary>
    public IReadOnlyList<string> Relations { get; init; } = [];
    public bool DisplacedByAnotherClient { get; init; }

    public IReadOnlyList<FrameRef> FailedStageFrames { get; init; } = [];
    public IReadOnlyList<EventRecord> FailedStageRecords { get; init; } = [];
    public IReadOnlyList<FrameRef> Phase1Frames { get; init; } = [];
    public IReadOnlyList<EventRecord> Records { get; init; } = [];
}
