using Analyzer.Core;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Sessions.L2tp;

/// <summary>One call inside a tunnel (ICRQ/ICRP/ICCN … CDN), with the PPP it carried.</summary>
public sealed class L2tpSession
{
    /// <summary>Session id assigned by the LAC (client).</summary>
    public ushort ClientSessionId { get; set; }

    /// <summary>Session id assigned by the LNS (server).</summary>
    public ushort ServerSessionId { get; set; }

    public L2tpSessionState State { get; set; }

    /// <summary>ICCN or OCCN seen: the call was connected, whatever happened to it afterwards.</summary>
    public bool Connected { get; set; }

    /// <summary>Who sent the CDN that ended the call: true the LAC (client), false the LNS; null while none is seen.</summary>
    public bool? ClearedByClient { get; set; }

    public L2tpResult? Result { get; set; }

    public long DataPackets { get; set; }

    /// <summary>The first frame that showed this session (its ICRQ/OCRQ, or a later message when it began before the capture).</summary>
    public FrameRef FirstFrame { get; set; }

    /// <summary>Frame of the CDN that ended it, where seen.</summary>
    public FrameRef? DisconnectFrame { get; set; }

    public PppSession? Ppp { get; set; }
}
