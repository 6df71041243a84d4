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
    /// <summary>The client sent LCP Configure-Requests (at least 3) and the server no LCP packet at all.</summary>
    public bool LcpUnansweredByServer { get; init; }
    /// <summary>The server sent LCP Configure-Requests (at least 3) and the client no LCP packet at all.</summary>
    public bool LcpUnansweredByClient { get; init; }
    public int LcpRequestsFromClient { get; init; }
    public int LcpRequestsFromServer { get; init; }
    public bool IpcpOpened { get; init; }
    /// <summary>IPCP Configure-Requests were sent (by either side).</summary>
    public bool IpcpStarted { get; init; }
    public string ClientAddress { get; init; } = "";
    /// <summary>The server Configure-Rejected the client's IP-Address option, or Nak'd it with 0.0.0.0.</summary>
    public bool ClientAddressRefused { get; init; }
    /// <summary>"client", "server" or "": who sent an IPCP Terminate-Request.</summary>
    public string IpcpTerminatedBy { get; init; } = "";
    public string IpcpTerminationMessage { get; init; } = "";
    /// <summary>"client", "server" or "": who sent the first LCP Terminate-Request.</summary>
    public string TerminatedBy { get; init; } = "";
    public string TerminationMessage { get; init; } = "";
    /// <summary>"client", "server" or "": who asked for MPPE encryption in a CCP Configure-Request.</summary>
    public string EncryptionRequestedBy { get; init; } = "";
    /// <summary>"client", "server" or "": who refused the other's MPPE request (Protocol-Reject of CCP, or Configure-Reject of MPPE).</summary>
    public string EncryptionRefusedBy { get; init; } = "";
    /// <summary>IP (or IPv6) packets each way inside PPP.</summary>
    public long DataFromClient { get; init; }
    public long DataFromServer { get; init; }
    /// <summary>The IPCP and LCP Terminate packets (the frames that show an address refused and who gave up).</summary>
    public IReadOnlyList<FrameRef> IpcpFrames { get; init; } = [];
    /// <summary>The CCP packets and the Protocol-Reject that refused it.</summary>
    public IReadOnlyList<FrameRef> EncryptionFrames { get; init; } = [];
    public IReadOnlyList<FrameRef> Frames { get; init; } = [];
    public IReadOnlyList<FrameRef> AuthenticationFrames { get; init; } = [];
}
