using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>One PPP session inside an L2TP call or a PPTP connection (subject <c>ppp</c>).</summary>
public sealed class PppFacts : FactOrigin
{
    /// <summary>"l2tp" or "pptp".</summary>
    public string Carrier { get; init; } = "";
    public string Client { get; init; } = "";
    public string Server { get; init; } = "";
    public string AuthenticationProtocol { get; init; } = "";
    /// <summary>"success", "failure" or "".</summary>
    public string AuthenticationResult { get; init; } = "";
    public bool AuthenticationFailed { get; init; }
    /// <summary>MS-CHAP error code (0 if none).</summary>
    public int ErrorCode { get; init; }
    public string AuthenticationMessage { get; init; } = "";
    public string UserName { get; init; } = "";
    public bool LcpOpened { get; init; }
    public bool LcpLoop { get; init; }
    public bool IpcpOpened { get; init; }
    public string ClientAddress { get; init; } = "";
    public IReadOnlyList<FrameRef> Frames { get; init; } = [];
    public IReadOnlyList<FrameRef> AuthenticationFrames { get; init; } = [];
}
