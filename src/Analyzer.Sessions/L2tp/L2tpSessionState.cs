namespace Analyzer.Sessions.L2tp;

/// <summary>RFC 2661 §7.4 incoming/outgoing call states as far as a capture shows them.</summary>
public enum L2tpSessionState : byte
{
    WaitReply,
    WaitConnect,
    Established,
    /// <summary>CDN seen.</summary>
    Disconnected,
    Unknown,
}
