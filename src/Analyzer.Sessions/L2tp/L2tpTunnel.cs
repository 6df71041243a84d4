using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.L2tp;

/// <summary>One L2TP control connection between a LAC (client) and an LNS (server).</summary>
public sealed class L2tpTunnel
{
    public required NetEndpoint Client { get; init; }

    public required NetEndpoint Server { get; init; }

    /// <summary>Tunnel id assigned by the client (in its SCCRQ).</summary>
    public ushort ClientTunnelId { get; set; }

    /// <summary>Tunnel id assigned by the server (in its SCCRP).</summary>
    public ushort ServerTunnelId { get; set; }

    /// <summary>2 for L2TPv2; 3 when L2TPv3 was recognised (reported, not decoded further).</summary>
    public int Version { get; set; } = 2;

    public L2tpTunnelState State { get; set; }

    /// <summary>Result of StopCCN, where one was sent.</summary>
    public L2tpResult? Result { get; set; }

    public List<L2tpControlMessage> ControlMessages { get; } = [];

    public List<L2tpSession> Sessions { get; } = [];

    public string? ClientHostName { get; set; }

    public string? ServerHostName { get; set; }

    public string? ClientVendorName { get; set; }

    public string? ServerVendorName { get; set; }

    /// <summary>Seen as clear UDP 1701 in the capture (not inside ESP): unprotected.</summary>
    public bool InClearText { get; set; } = true;

    /// <summary>The ESP SPI its messages were decrypted from, when vpndiag had the key (first one seen).</summary>
    public uint? EspSpi { get; set; }

    /// <summary>
    /// The IKE SA that keyed the ESP it was decrypted from (the owner of the flow with <see cref="EspSpi"/>
    /// in this capture); null for a clear tunnel or one whose ESP has no owner here.
    /// </summary>
    public IkeSa? Carrier { get; set; }

    /// <summary>Control and data messages read from decrypted ESP.</summary>
    public long DecryptedMessages { get; set; }

    /// <summary>Data messages (PPP) in each direction.</summary>
    public long DataFromClient { get; set; }

    public long DataFromServer { get; set; }

    /// <summary>Odd messages and unanswered set-up, each with its frame.</summary>
    public List<L2tpAnomaly> Anomalies { get; } = [];

    /// <summary>The first frame of this tunnel in the capture.</summary>
    public FrameRef FirstFrame { get; set; }

    /// <summary>Frame of the StopCCN, where seen.</summary>
    public FrameRef? StopFrame { get; set; }

    /// <summary>Non-ZLB control messages that repeated an earlier Ns (retransmissions).</summary>
    public int Retransmissions { get; set; }
}
