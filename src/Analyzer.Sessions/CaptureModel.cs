using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Ledger;
using Analyzer.Sessions.Ppp;
using Analyzer.Sessions.Pptp;
using Analyzer.Sessions.Sealed;

namespace Analyzer.Sessions;

/// <summary>
/// Everything reconstructed from one capture: the session stage's output and the vocabulary the
/// correlation, rules and report stages read. Populated by <c>TrafficReconstructor</c>.
/// </summary>
public sealed class CaptureModel
{
    public CaptureModel(AnalysisInput input) => Input = input;

    public AnalysisInput Input { get; }

    public CaptureStatistics Statistics { get; } = new();

    public List<IkeSa> IkeSas { get; } = [];

    public List<EspFlow> EspFlows { get; } = [];

    public List<L2tpTunnel> L2tpTunnels { get; } = [];

    public List<PptpConnection> PptpConnections { get; } = [];

    /// <summary>PPP outside any tunnel: PPPoE sessions and PPP link-type captures.</summary>
    public List<PppoeSession> PppoeSessions { get; } = [];

    /// <summary>IP datagrams (any VPN protocol) whose fragments never all arrived.</summary>
    public List<IncompleteIpDatagram> IncompleteDatagrams { get; } = [];

    /// <summary>NAT-T keepalives (RFC 3948 §2.3) per sender.</summary>
    public Dictionary<NetEndpoint, long> NatKeepalives { get; } = [];

    /// <summary>Size, time and direction of each ESP packet (bounded), per endpoint pair, for inferring what encrypted traffic carried.</summary>
    public SealedTraffic SealedPackets { get; } = new();

    public List<InputDiagnostic> Diagnostics { get; } = [];

    /// <summary>Per-packet fingerprints for lining this capture up with another vantage point; null when not recorded.</summary>
    public PacketLedger? Ledger { get; set; }
}
