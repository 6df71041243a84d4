using Analyzer.Core;

namespace Analyzer.Sessions.Ppp;

/// <summary>PPP inside an L2TP session, PPTP/GRE call or PPPoE session: LCP, authentication, NCPs.</summary>
public sealed class PppSession
{
    /// <summary>LCP and NCP packets in frame order, summarised (at most a bounded number; see <see cref="OmittedPackets"/>).</summary>
    public List<PppPacketObservation> Packets { get; } = [];

    /// <summary>Control packets not listed in <see cref="Packets"/> because the list reached its bound.</summary>
    public long OmittedPackets { get; set; }

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

    /// <summary>IPV6CP acknowledged in both directions.</summary>
    public bool Ipv6cpOpened { get; set; }

    /// <summary>Interface identifiers from IPV6CP (hex), where acknowledged.</summary>
    public string? ClientInterfaceId { get; set; }

    public string? ServerInterfaceId { get; set; }

    public bool CompressionNegotiated { get; set; }

    /// <summary>CCP options the peers agreed on, e.g. "MPPE/MPPC=128-bit,stateless".</summary>
    public string? Compression { get; set; }

    public FrameRef? AuthenticationFrame { get; set; }

    /// <summary>LCP Terminate-Request seen: true when the client sent it, false when the server did.</summary>
    public bool? TerminatedByClient { get; set; }

    public FrameRef? TerminationFrame { get; set; }

    public long EchoRequests { get; set; }

    public long EchoReplies { get; set; }

    /// <summary>Network-layer packets (IP, IPv6, MPPE-compressed) from the client and from the server.</summary>
    public long DataFromClient { get; set; }

    public long DataFromServer { get; set; }

    /// <summary>Malformed PPP packets and other oddities, with the frame number in the text.</summary>
    public List<string> Anomalies { get; } = [];
}

/// <summary>One PPP control packet: protocol ("LCP", "IPCP"...), code name, identifier, summary.</summary>
public sealed record PppPacketObservation(FrameRef Frame, bool FromClient, string Protocol, string Code, byte Identifier, string Summary);
