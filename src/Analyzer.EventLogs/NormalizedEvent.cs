using Analyzer.Core;

namespace Analyzer.EventLogs;

/// <summary>
/// What a VPN-relevant record means, independent of its source and language: the kind (e.g.
/// "ike-mainmode-failure", "rasclient-error", "charon-auth-failed"), the endpoints and IKE cookies
/// where the record carries them (for correlation), and the decoded codes.
/// </summary>
public sealed class NormalizedEvent
{
    /// <summary>Stable kebab-case kind; the vocabulary is documented in docs/rules.md.</summary>
    public required string Kind { get; init; }

    /// <summary>True where the record reports a failure.</summary>
    public bool IsFailure { get; init; }

    /// <summary>The connection stage a daemon line tells about (ike-reachability, phase1-proposal ... ppp-ipcp), or null.</summary>
    public string? Stage { get; init; }

    /// <summary>What the line says happened at that stage: succeeded, failed, started, retried, info, noise; null when not said.</summary>
    public string? Outcome { get; init; }

    /// <summary>What the line shows of the conversation (a packet received or sent, the peer initiating, an SA established), from its map entry.</summary>
    public DaemonSignal Signal { get; init; }

    /// <summary>The map pattern that recognised a daemon line (shown by <c>vpndiag events</c>).</summary>
    public string? MatchedBy { get; init; }

    public NetAddress? LocalAddress { get; init; }

    public NetAddress? RemoteAddress { get; init; }

    /// <summary>
    /// The remote end as the event names it when that is a host name, not an address (RasClient 20222
    /// names the server the user dialled: "vpn.example.net"); null when it is an address or absent.
    /// </summary>
    public string? RemoteHost { get; init; }

    public ushort? LocalPort { get; init; }

    public ushort? RemotePort { get; init; }

    /// <summary>IKE initiator cookie/SPI where logged (4653/4654 "Initiator Cookie", charon's SPIs).</summary>
    public ulong? InitiatorCookie { get; init; }

    public ulong? ResponderCookie { get; init; }

    /// <summary>An error or reason code (RasClient 691, NPS reason 16, IKE failure reason 13801 ...).</summary>
    public long? Code { get; init; }

    /// <summary>What the code means, in English, from vpndiag's own tables.</summary>
    public string? CodeMeaning { get; init; }

    /// <summary>IKE audit "Failure Point" (Local computer, Remote computer) or phase.</summary>
    public string? FailurePoint { get; init; }

    public string? FailureReason { get; init; }

    /// <summary>Connection name (charon connection, RAS entry), user, machine as logged.</summary>
    public string? ConnectionName { get; init; }

    public string? UserName { get; init; }

    /// <summary>Other normalised fields the rules may use (authentication method, mode, certificate subject...).</summary>
    public Dictionary<string, string> Fields { get; init; } = [];
}
