using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>One L2TP control connection and its calls (subject <c>tunnel</c>).</summary>
public sealed class TunnelFacts : FactOrigin
{
    public string Client { get; init; } = "";
    public string Server { get; init; } = "";
    public int Version { get; init; }
    /// <summary>L2tpTunnelState name: WaitReply, WaitConnect, Established, Stopped, Unknown.</summary>
    public string State { get; init; } = "";
    public bool InClearText { get; init; }
    /// <summary>SCCRQ sent (at least twice) and never answered.</summary>
    public bool SccrqUnanswered { get; init; }
    public int SccrqSends { get; init; }
    /// <summary>StopCCN result code (0 if none).</summary>
    public int StopCcnResultCode { get; init; }
    /// <summary>"result name / error name: message" of the StopCCN ("" if none).</summary>
    public string StopCcnResult { get; init; } = "";
    public int Sessions { get; init; }
    public int EstablishedSessions { get; init; }
    /// <summary>Calls cleared by CDN before they were connected (no ICCN), with an error result, or before any PPP data flowed.</summary>
    public int FailedSessions { get; init; }
    public string CdnResult { get; init; } = "";
    /// <summary>Who sent the CDN of the first failed call: "client" (the LAC), "server" (the LNS), or "" when none is seen.</summary>
    public string CdnSender { get; init; } = "";
    /// <summary>The first failed call was connected (ICCN/OCCN) and cleared before any PPP came up.</summary>
    public bool ClearedBeforePpp { get; init; }
    /// <summary>A tunnel or call failed: SCCRQ unanswered, StopCCN with an error result, or a failed call.</summary>
    public bool SetupFailed { get; init; }
    public string ClientHostName { get; init; } = "";
    public string ServerHostName { get; init; } = "";
    public string ClientVendorName { get; init; } = "";
    public string ServerVendorName { get; init; } = "";
    public long DataFromClient { get; init; }
    public long DataFromServer { get; init; }
    /// <summary>An IKE SA between the same two addresses is in the capture (or one with a NAT-T client whose inner, private address the tunnel uses).</summary>
    public bool IkeSaBetweenPeers { get; init; }
    /// <summary>Clear-text L2TP between the peers before their IKE SA (and Quick Mode) completed.</summary>
    public bool SentBeforeIpsec { get; init; }
    /// <summary>Clear-text L2TP between the peers after their IPsec protection ended (no ESP or IKE between them any more).</summary>
    public bool SentAfterIpsecEnded { get; init; }
    public IReadOnlyList<string> Anomalies { get; init; } = [];
    public string DisplayFilter { get; init; } = "";
    public IReadOnlyList<FrameRef> Frames { get; init; } = [];
    public IReadOnlyList<FrameRef> FailureFrames { get; init; } = [];
}
