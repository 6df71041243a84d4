using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// What one IKE SA's lines in a daemon log say about its peer, for the facts that compare a log's
/// IKE SAs with each other (<see cref="PeerHistory"/>): the peer's address and the port it first
/// came from, when the SA started and was established, and whether the log found the peer behind a NAT.
/// </summary>
internal sealed class ScopeHistory
{
    public NetAddress? Peer { get; private set; }
    public int? FirstPort { get; private set; }
    public Timestamp? FirstTime { get; private set; }
    public Timestamp? EstablishedAt { get; private set; }
    public bool NatAtPeer { get; private set; }

    public void Observe(NormalizedEvent normalized, Timestamp? time)
    {
        FirstTime ??= time;
        if (Peer is null && normalized.RemoteAddress is NetAddress peer)
        {
            Peer = peer;
            FirstPort = normalized.RemotePort;
        }
        else if (FirstPort is null && normalized.RemoteAddress == Peer)
        {
            FirstPort = normalized.RemotePort;
        }

        if (normalized is { Stage: "phase1-auth", Outcome: "succeeded", Signal: DaemonSignal.Established })
        {
            EstablishedAt ??= time;
        }

        NatAtPeer |= normalized.Fields.GetValueOrDefault("natSide") is "remote" or "both";
    }
}
