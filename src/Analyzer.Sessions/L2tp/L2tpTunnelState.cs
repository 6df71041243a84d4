namespace Analyzer.Sessions.L2tp;

/// <summary>RFC 2661 §7.2 control connection states, as far as a capture shows them.</summary>
public enum L2tpTunnelState : byte
{
    /// <summary>SCCRQ sent, no SCCRP.</summary>
    WaitReply,
    /// <summary>SCCRP received, no SCCCN.</summary>
    WaitConnect,
    Established,
    /// <summary>StopCCN seen.</summary>
    Stopped,
    /// <summary>Only data or mid-tunnel control seen: the tunnel started before the capture.</summary>
    Unknown,
}
