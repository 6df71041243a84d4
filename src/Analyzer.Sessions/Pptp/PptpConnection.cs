using Analyzer.Core;
using Analyzer.Protocols.Pptp;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Sessions.Pptp;

/// <summary>A PPTP control connection (TCP 1723) and its GRE data: the connection is PPTP, not L2TP.</summary>
public sealed class PptpConnection
{
    public required NetEndpoint Client { get; init; }

    public required NetEndpoint Server { get; init; }

    public List<PptpControlObservation> ControlMessages { get; } = [];

    public long GreFromClient { get; set; }

    public long GreFromServer { get; set; }

    public FrameRef? FirstFrame { get; set; }

    public PppSession? Ppp { get; set; }

    /// <summary>The TCP 1723 control connection was seen (false when only GRE was captured).</summary>
    public bool ControlSeen { get; set; }

    /// <summary>Start-Control-Connection-Reply with result 1.</summary>
    public bool ControlEstablished { get; set; }

    /// <summary>Outgoing- or Incoming-Call-Reply with result 1.</summary>
    public bool CallEstablished { get; set; }

    /// <summary>Call ID the client assigned (GRE to the client carries it).</summary>
    public ushort? ClientCallId { get; set; }

    /// <summary>Call ID the server assigned (GRE to the server carries it).</summary>
    public ushort? ServerCallId { get; set; }

    /// <summary>The first reply or notification with a result other than success (a Call-Disconnect-Notify answering a Call-Clear-Request is not one).</summary>
    public PptpControlObservation? Failure { get; set; }

    public string? ClientHostName { get; set; }

    public string? ServerHostName { get; set; }

    public string? ClientVendor { get; set; }

    public string? ServerVendor { get; set; }

    /// <summary>Control stream problems (bad magic cookie, lost segments), typed, each with its frame.</summary>
    public List<PptpAnomaly> Anomalies { get; } = [];

    /// <summary>GRE flowed both ways.</summary>
    public bool GreBothWays => GreFromClient > 0 && GreFromServer > 0;
}

/// <summary>One PPTP control message (RFC 2637 §2) with its Result and Error Code where it has them; <c>PptpNames</c> names both.</summary>
public sealed record PptpControlObservation(FrameRef Frame, bool FromClient, PptpMessageType Type, PptpResult? Result);

/// <summary>A reply's or notification's Result Code and Error Code (RFC 2637 §2.2 ff.), whose meanings depend on the message type.</summary>
public readonly record struct PptpResult(byte Code, byte Error);
