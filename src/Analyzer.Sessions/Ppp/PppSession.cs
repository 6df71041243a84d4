using Analyzer.Core;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Sessions.Ppp;

/// <summary>PPP inside an L2TP session, PPTP/GRE call or PPPoE session: LCP, authentication, NCPs.</summary>
public sealed class PppSession
{
    /// <summary>LCP and NCP packets in frame order, summarised (at most a bounded number; see <see cref="OmittedPackets"/>).</summary>
    public List<PppPacketObservation> Packets { get; } = [];

    /// <summary>Control packets not listed in <see cref="Packets"/> because the list reached its bound.</summary>
    public long OmittedPackets { get; set; }

    /// <summary>The protocol LCP agreed (PAP, CHAP with its algorithm, EAP), else the one whose packets were seen; named at the report.</summary>
    public PppAuthenticationProtocol? AuthenticationProtocol { get; set; }

    /// <summary>Null when the capture shows neither a Success nor a Failure.</summary>
    public PppAuthenticationResult? AuthenticationResult { get; set; }

    /// <summary>MS-CHAP failure code (E=691 …) with its meaning.</summary>
    public int? AuthenticationErrorCode { get; set; }

    public string? AuthenticationMessage { get; set; }

    public string? UserName { get; set; }

    /// <summary>
    /// The name the authenticator sends in its CHAP/MS-CHAP Challenge (RFC 1994 §4.1: the server's
    /// own name, a host name); kept so that redaction knows it as a name to replace.
    /// </summary>
    public string? AuthenticatorName { get; set; }

    /// <summary>LCP reached Opened in both directions.</summary>
    public bool LcpOpened { get; set; }

    /// <summary>Configure-Request/Nak or Reject repeated without convergence.</summary>
    public bool LcpLoop { get; set; }

    /// <summary>
    /// One side sent at least <see cref="PppSessionTracker.UnansweredThreshold"/> LCP Configure-Requests and the
    /// other side no LCP packet at all: true when the server was the silent one, false the client, null neither.
    /// </summary>
    public bool? LcpUnansweredByServer { get; set; }

    /// <summary>LCP Configure-Requests sent by the client and by the server.</summary>
    public int LcpRequestsFromClient { get; set; }

    public int LcpRequestsFromServer { get; set; }

    public bool IpcpOpened { get; set; }

    /// <summary>The server refused the client an address: an IPCP Configure-Reject of its IP-Address option, or a Nak offering 0.0.0.0 (RFC 1332 §3.3).</summary>
    public bool ClientAddressRefused { get; set; }

    public FrameRef? ClientAddressRefusedFrame { get; set; }

    /// <summary>IPCP Terminate-Request seen: true when the client sent it, false the server.</summary>
    public bool? IpcpTerminatedByClient { get; set; }

    /// <summary>The text of the first IPCP Terminate-Request ("Could not determine local IP address").</summary>
    public string? IpcpTerminationMessage { get; set; }

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

    /// <summary>A CCP Configure-Request carried the MPPE option (RFC 3078): true from the server, false from the client, null none.</summary>
    public bool? EncryptionRequestedByServer { get; set; }

    /// <summary>
    /// The other side refused the MPPE request: an LCP Protocol-Reject of CCP, or a CCP Configure-Reject of the
    /// MPPE option. True when the client refused, false the server, null no refusal.
    /// </summary>
    public bool? EncryptionRefusedByClient { get; set; }

    public FrameRef? EncryptionRefusalFrame { get; set; }

    public FrameRef? AuthenticationFrame { get; set; }

    /// <summary>LCP Terminate-Request seen: true when the client sent it, false when the server did.</summary>
    public bool? TerminatedByClient { get; set; }

    public FrameRef? TerminationFrame { get; set; }

    /// <summary>The text of the first LCP Terminate-Request ("User request", "Authentication failed").</summary>
    public string? TerminationMessage { get; set; }

    public long EchoRequests { get; set; }

    public long EchoReplies { get; set; }

    /// <summary>Network-layer packets (IP, IPv6, MPPE-compressed) from the client and from the server.</summary>
    public long DataFromClient { get; set; }

    public long DataFromServer { get; set; }

    /// <summary>Malformed PPP packets and other oddities, each with its frame.</summary>
    public List<PppAnomaly> Anomalies { get; } = [];
}

/// <summary>
/// One PPP control packet: its protocol number (RFC 1661 §2, <c>PppProtocols</c>) and code (<c>PppCodes</c>),
/// named only where text is made, and a summary of its options or message.
/// </summary>
public sealed record PppPacketObservation(FrameRef Frame, bool FromClient, ushort Protocol, byte Code, byte Identifier, string Summary);
