using Analyzer.EventLogs;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// What a daemon log says happened at one stage of a connection (subject <c>observation</c>): one
/// row per daemon line whose map entry names a stage and an outcome other than noise, with what the
/// same log says about the same IKE SA (or, for L2TP and PPP, the same daemon process). Observations
/// only: whether they add up to a failed connection attempt is for the rules (and attempts) to say.
/// </summary>
public sealed class ObservationFacts : FactOrigin
{
    public required EventRecord Record { get; init; }
    /// <summary>The line number in its log.</summary>
    public long Line { get; init; }
    /// <summary>charon, pluto, xl2tpd, pppd.</summary>
    public string Daemon { get; init; } = "";
    public string Kind { get; init; } = "";
    /// <summary>The kind without its daemon prefix ("auth-failed", "give-up", "dpd-timeout", "nat-detected"): the same word for every daemon.</summary>
    public string Signal { get; init; } = "";
    /// <summary>ike-reachability, phase1-proposal, phase1-auth, phase2, esp, l2tp-tunnel, l2tp-session, ppp-lcp, ppp-auth, ppp-ipcp.</summary>
    public string Stage { get; init; } = "";
    /// <summary>succeeded, failed, started, retried, info.</summary>
    public string Outcome { get; init; } = "";
    public bool Failed { get; init; }
    public bool Succeeded { get; init; }
    /// <summary>What the line means, from the map ("pre-shared key mismatch", "certificate not trusted"...).</summary>
    public string Reason { get; init; } = "";
    /// <summary>The notify the line names ("AUTHENTICATION_FAILED"), "" if none.</summary>
    public string Notify { get; init; } = "";
    /// <summary>Aggressive or Main when the line names the Phase 1 mode, else "".</summary>
    public string Mode { get; init; } = "";
    public long Code { get; init; }
    public string Message { get; init; } = "";
    /// <summary>ISO 8601 UTC, "" when the line has no time.</summary>
    public string Time { get; init; } = "";
    public string ConnectionName { get; init; } = "";
    /// <summary>The peer's address as logged ("" if the line names none).</summary>
    public string Peer { get; init; } = "";
    /// <summary>The daemon's IKE SA (charon unique id, pluto state) the line belongs to, "" if none.</summary>
    public string IkeSa { get; init; } = "";
    /// <summary>The same log shows a packet received from the peer for this IKE SA (or from this peer).</summary>
    public bool PeerAnswered { get; init; }
    /// <summary>The same log shows this IKE SA established.</summary>
    public bool SaEstablished { get; init; }
    /// <summary>The same log shows a child SA (Quick Mode) of this IKE SA established.</summary>
    public bool ChildEstablished { get; init; }
    /// <summary>The same log shows a NAT detected for this IKE SA.</summary>
    public bool NatDetected { get; init; }
    /// <summary>The same log shows packets of this IKE SA on UDP 4500.</summary>
    public bool UsedPort4500 { get; init; }
    /// <summary>The same log shows a packet received from the peer (any port) after this IKE SA's first packet sent on UDP 4500.</summary>
    public bool AnsweredAfterFloat { get; init; }
    /// <summary>The same log shows packets of this IKE SA received on UDP 4500.</summary>
    public bool Received4500 { get; init; }
    /// <summary>The peer's own log (another log of the case) shows packets received on UDP 4500 at the peer's address.</summary>
    public bool PeerReceived4500 { get; init; }
    /// <summary>For a NAT line: "local" (this host is translated) or "remote" (the peer is); "" otherwise.</summary>
    public string NatSide { get; init; } = "";
    /// <summary>Size of the last IKE packet the same log shows sent for this IKE SA (charon logs it), 0 if unknown: over 1472 bytes it needed IP fragments on a 1500-byte path.</summary>
    public int LastSentBytes { get; init; }
    /// <summary>Retransmissions the same log shows for this IKE SA.</summary>
    public int Retransmits { get; init; }
    /// <summary>Some daemon log of the case shows a child SA established (any connection).</summary>
    public bool AnyChildEstablished { get; init; }

    /// <summary>The algorithms the line says were negotiated (charon's "selected proposal: IKE:...", pluto's "cipher=... integ=... group=..."), "" if none.</summary>
    public string Proposal { get; init; } = "";
    /// <summary>Those of them RFC 8247 says SHOULD NOT or MUST NOT be used ("MODP_1024 (SHOULD NOT)"), judged by the one algorithm table.</summary>
    public string WeakChosen { get; init; } = "";
    public bool HasWeakChosen { get; init; }

    /// <summary>IKE SAs this log shows established with the line's peer address (each IKE SA once).</summary>
    public int PeerEstablishedSas { get; init; }
    /// <summary>Seconds between the first and the last of them (0 with fewer than two).</summary>
    public double PeerSpanSeconds { get; init; }
    /// <summary>
    /// Clients this log shows behind the line's peer address: IKE SAs from that address for which the
    /// log detected a NAT at the peer, counted once per source port they started from (one NAT, two
    /// clients, two port mappings). A client re-authenticating from its port counts once.
    /// </summary>
    public int PeerNatClients { get; init; }
    /// <summary>This line's IKE SA started after another IKE SA from the same address behind a NAT (it is the later client).</summary>
    public bool LaterNatClient { get; init; }
}
