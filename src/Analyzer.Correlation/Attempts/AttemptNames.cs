using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>The names of the attempt vocabulary as JSON, rules and reports spell them (issue 18, docs/report-schema.md).</summary>
public static class AttemptNames
{
    public static string Stage(AttemptStage stage) => stage switch
    {
        AttemptStage.IkeReachability => "ike-reachability",
        AttemptStage.Phase1Proposal => "phase1-proposal",
        AttemptStage.Phase1Auth => "phase1-auth",
        AttemptStage.Phase2 => "phase2",
        AttemptStage.Esp => "esp",
        AttemptStage.L2tpTunnel => "l2tp-tunnel",
        AttemptStage.L2tpSession => "l2tp-session",
        AttemptStage.PppLcp => "ppp-lcp",
        AttemptStage.PppAuth => "ppp-auth",
        AttemptStage.PppIpcp => "ppp-ipcp",
        _ => "traffic",
    };

    /// <summary>The stage a name spells (rules' <c>stages</c> key); false for any other text.</summary>
    public static bool TryParseStage(string? name, out AttemptStage stage)
    {
        foreach (AttemptStage candidate in Enum.GetValues<AttemptStage>())
        {
            if (Stage(candidate) == name)
            {
                stage = candidate;
                return true;
            }
        }

        stage = default;
        return false;
    }

    public static string Outcome(StageOutcome outcome) => outcome switch
    {
        StageOutcome.Passed => "passed",
        StageOutcome.Failed => "failed",
        StageOutcome.NotReached => "not-reached",
        _ => "unknown",
    };

    public static string Side(AttemptSide side) => side switch
    {
        AttemptSide.Client => "client",
        AttemptSide.Server => "server",
        AttemptSide.Path => "path",
        _ => "unknown",
    };

    public static string Kind(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Derived => "derived",
        EvidenceKind.Inferred => "inferred",
        _ => "observed",
    };

    public static string Sighting(MessageSighting sighting) => sighting switch
    {
        MessageSighting.Both => "both",
        MessageSighting.LostInBetween => "lost in between",
        MessageSighting.ClientCapture => "client capture",
        MessageSighting.ServerCapture => "server capture",
        _ => "one capture",
    };

    public static string Relation(AttemptRelationKind kind) => kind switch
    {
        AttemptRelationKind.Retry => "retry-of",
        AttemptRelationKind.Rekey => "rekey-of",
        _ => "displaced-by",
    };

    /// <summary>Why the failure sits on its side, in the words the report uses.</summary>
    public static string Basis(SideBasis basis) => basis switch
    {
        SideBasis.ServerRejected => "the server rejected it",
        SideBasis.ServerReceivedNoAnswer => "the server received it and did not answer",
        SideBasis.ServerRejectedAuthentication => "the server received message 5 and rejected the authentication",
        SideBasis.LostOnPath => "sent by the client, never reached the server: lost on the path",
        SideBasis.AnswerLostOnPath => "the server answered, the answer never reached the client: lost on the path",
        SideBasis.ClientViewOnly => "blocked on the path or rejected by the server; a capture or log from the server decides",
        SideBasis.ResponderSpokeLast => "the server answered and heard nothing more: its answer may be lost on the way back, or the client gave up; the client's capture or log decides",
        SideBasis.ClientStopped => "the client received the answer and did not go on",
        SideBasis.ClientRejected => "the client rejected the server's answer",
        SideBasis.ClientCleared => "the client's L2TP cleared the call (it sent the CDN/StopCCN)",
        SideBasis.ServerCleared => "the server's L2TP cleared the call (it sent the CDN/StopCCN)",
        SideBasis.WindowsErrorBlamesClient => "the client's Windows error code names its own certificate, setting or refusal",
        _ => "",
    };

    /// <summary>"IKEv1 Main Mode", "IKEv2", or "no IKE".</summary>
    public static string Ike(int? version, IkeExchangeKind phase1, bool ikeSeen = false) => version switch
    {
        null when ikeSeen => "IKE (version unknown)",
        null => "no IKE",
        2 => "IKEv2",
        _ => phase1 switch
        {
            IkeExchangeKind.MainMode => "IKEv1 Main Mode",
            IkeExchangeKind.AggressiveMode => "IKEv1 Aggressive Mode",
            _ => "IKEv1",
        },
    };

    /// <summary>The mode alone, as the JSON's <c>ike.mode</c>: "main", "aggressive", "ike-sa-init".</summary>
    public static string? Mode(int? version, IkeExchangeKind phase1, bool ikeSeen = false) => version is null ? ikeSeen ? "unknown" : null : phase1 switch
    {
        IkeExchangeKind.MainMode => "main",
        IkeExchangeKind.AggressiveMode => "aggressive",
        IkeExchangeKind.IkeSaInit => "ike-sa-init",
        _ => version == 2 ? "ike-sa-init" : "unknown",
    };
}
