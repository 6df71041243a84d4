using Analyzer.Core;
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
}

/// <summary>One PPTP control message with its result code decoded where it has one.</summary>
public sealed record PptpControlObservation(FrameRef Frame, bool FromClient, string Type, string? Result);
