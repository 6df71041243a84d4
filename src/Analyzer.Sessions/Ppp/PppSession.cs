using Analyzer.Core;

namespace Analyzer.Sessions.Ppp;

/// <summary>PPP inside an L2TP session, PPTP/GRE call or PPPoE session: LCP, authentication, NCPs.</summary>
public sealed class PppSession
{
    /// <summary>LCP and NCP packets in frame order, summarised.</summary>
    public List<PppPacketObservation> Packets { get; } = [];

    /// <summary>"PAP", "CHAP-MD5", "MS-CHAPv2", "EAP" as negotiated in LCP.</summary>
    public string? AuthenticationProtocol { get; set; }

    /// <summary>"success", "failure" or null when the capture shows neither.</summary>
    public string? AuthenticationResult { get; set; }

    /// <summary>MS-CHAP failure code (E=691 …) with its meaning.</summary>
    public int? AuthenticationErrorCode { get; set; }

    public string? AuthenticationMessage { get; set; }

    public string? UserName { get; set; }

    /// <summary>LCP reached Opened in both directions.</summary>
    public bool LcpOpened { get; set; }

    /// <summary>Configure-Request/Nak or Reject repeated without convergence.</summary>
    public bool LcpLoop { get; set; }

    public bool IpcpOpened { get; set; }

    public string? ClientAddress { get; set; }

    public string? ServerAddress { get; set; }

    public bool CompressionNegotiated { get; set; }

    public FrameRef? AuthenticationFrame { get; set; }
}

/// <summary>One PPP control packet: protocol ("LCP", "IPCP"...), code name, identifier, summary.</summary>
public sealed record PppPacketObservation(FrameRef Frame, bool FromClient, string Protocol, string Code, byte Identifier, string Summary);
