using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Sessions.Ppp;

/// <summary>
/// Builds one <see cref="PppSession"/> from PPP frames in order, whichever tunnel carried them
/// (L2TP, PPTP/GRE, PPPoE, a PPP link). "Client" is the dialling side; the server authenticates it.
/// </summary>
public sealed partial class PppSessionTracker
{
    /// <summary>Configure-Requests from one side without an Ack before the negotiation counts as looping.</summary>
    public const int LoopThreshold = 10;

    /// <summary>
    /// Configure-Requests from one side, with no LCP packet at all from the other, before the link counts as
    /// unanswered: pppd gives up after 10 (lcp-max-configure, 3 s apart), Windows after a similar count; three
    /// requests (6 s at pppd's restart timer) already show a peer that is not there.
    /// </summary>
    public const int UnansweredThreshold = 3;

    private const string PeerString = "a PPP user name or message";
    private const string MsChapText = "an MS-CHAP message";
    private const string PacketLimit = "PPP control packets of one session";

    private readonly int _maxStringLength;
    private readonly int _maxObservations;
    private readonly LimitNotices? _notices;
    private readonly NcpDirection _lcp = new();
    private readonly NcpDirection _ipcp = new();
    private readonly NcpDirection _ipv6cp = new();
    private string? _clientAddress;
    private string? _serverAddress;
    private string? _clientInterfaceId;
    private string? _serverInterfaceId;
    private int _lcpFromClient;
    private int _lcpFromServer;

    /// <summary>A tracker on its own: limits apply, but cuts and limits reached are not reported anywhere.</summary>
    public PppSessionTracker(AnalysisLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _maxStringLength = limits.MaxStringLength;
        _maxObservations = limits.MaxPppPacketsPerSession;
    }

    /// <summary>A tracker of a capture: strings cut and the packet limit are warned once per capture.</summary>
    internal PppSessionTracker(LimitNotices notices)
        : this(notices.Limits)
    {
        _notices = notices;
    }

    public PppSession Session { get; } = new();

    /// <summary>A PPP frame starting at the (optional) address/control field or the protocol field.</summary>
    public void Observe(FrameRef frame, bool fromClient, ReadOnlySpan<byte> ppp)
    {
        if (!PppFrame.TryRead(ppp, out PppFrame header, out ParseError error))
        {
            Anomaly(frame, PppAnomalyKind.MalformedFrame, error.ToString());
            return;
        }

        ObserveProtocol(frame, fromClient, header.Protocol, ppp[header.HeaderLength..]);
    }

    /// <summary>A PPP payload whose protocol number was already read.</summary>
    public void ObserveProtocol(FrameRef frame, bool fromClient, ushort protocol, ReadOnlySpan<byte> payload)
    {
        if (!PppProtocols.IsControl(protocol))
        {
            if (PppProtocols.IsData(protocol))
            {
                if (fromClient)
                {
                    Session.DataFromClient++;
                }
                else
                {
                    Session.DataFromServer++;
                }
            }

            return;
        }

        if (!PppControlPacket.TryRead(payload, out PppControlPacket packet, out ParseError error))
        {
            Anomaly(frame, PppAnomalyKind.MalformedControlPacket, PppProtocols.Name(protocol) + ": " + error);
            return;
        }

        string summary = protocol switch
        {
            PppProtocols.Lcp => OnLcp(frame, fromClient, packet),
            PppProtocols.Ipcp => OnIpcp(frame, fromClient, packet),
            PppProtocols.Ipv6cp => OnIpv6cp(fromClient, packet),
            PppProtocols.Ccp => OnCcp(frame, fromClient, packet),
            PppProtocols.Pap => OnPap(frame, fromClient, packet),
            PppProtocols.Chap => OnChap(frame, fromClient, packet),
            PppProtocols.Eap => OnEap(frame, fromClient, packet),
            _ => OptionsOrEmpty(protocol, packet),
        };
        Record(new PppPacketObservation(frame, fromClient, protocol, packet.Code, packet.Identifier, summary));
    }

    private string OnLcp(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        (fromClient ? ref _lcpFromClient : ref _lcpFromServer)++;
        switch (packet.Code)
        {
            case PppCodes.ConfigureRequest:
                _lcp.Request(fromClient);
                if (fromClient)
                {
                    Session.LcpRequestsFromClient++;
                }
                else
                {
                    Session.LcpRequestsFromServer++;
                }

                Session.LcpUnansweredByServer = Session.LcpRequestsFromClient >= UnansweredThreshold && _lcpFromServer == 0 ? true
                    : Session.LcpRequestsFromServer >= UnansweredThreshold && _lcpFromClient == 0 ? false
                    : null;
                if (_lcp.Looping)
                {
                    Session.LcpLoop = true;
                }

                // The authenticator (server) names the protocol in its request; its Ack by the client confirms it below.
                if (!fromClient && Session.AuthenticationProtocol is null && TryFindOption(packet.Data, PppOptionNames.LcpAuthenticationProtocol, out ReadOnlySpan<byte> requested)
                    && PppAuthentication.TryRead(requested, out PppAuthenticationProtocol requestedProtocol))
                {
                    Session.AuthenticationProtocol = requestedProtocol;
                }

                break;
            case PppCodes.ConfigureAck:
                _lcp.Ack(fromClient);
                Session.LcpOpened = _lcp.Opened;
                if (fromClient && TryFindOption(packet.Data, PppOptionNames.LcpAuthenticationProtocol, out ReadOnlySpan<byte> agreed)
                    && PppAuthentication.TryRead(agreed, out PppAuthenticationProtocol agreedProtocol))
                {
                    Session.AuthenticationProtocol = agreedProtocol;
                }

                break;
            case PppCodes.ConfigureNak:
            case PppCodes.ConfigureReject:
                _lcp.Refused(fromClient);
                if (_lcp.Looping)
                {
                    Session.LcpLoop = true;
                }

                break;
            case PppCodes.TerminateRequest:
                string reason = Text(packet.Data, frame);
                if (Session.TerminatedByClient is null)
                {
                    Session.TerminatedByClient = fromClient;
                    Session.TerminationFrame = frame;
                    Session.TerminationMessage = reason;
                }

                return reason;
            case 8:
                // Protocol-Reject: the rejected protocol number, then a copy of the rejected packet.
                if (packet.Data.Length < 2)
                {
                    return string.Empty;
                }

                ushort rejected = BinaryPrimitives.ReadUInt16BigEndian(packet.Data);
                if (rejected == PppProtocols.Ccp)
                {
                    EncryptionRefused(frame, fromClient);
                }

                return "rejected " + PppProtocols.Name(rejected);
            case 9:
                Session.EchoRequests++;
                return string.Empty;
            case 10:
                Session.EchoReplies++;
                return string.Empty;
        }

        return OptionsOrEmpty(PppProtocols.Lcp, packet);
    }

    private void Record(PppPacketObservation observation)
    {
        if (Session.Packets.Count < _maxObservations)
        {
            Session.Packets.Add(observation);
        }
        else
        {
            Session.OmittedPackets++;
            _notices?.Reached(PacketLimit, observation.Frame, _maxObservations, static max => string.Create(CultureInfo.InvariantCulture,
                $"a PPP session has more than {max} control packets; later ones are counted, not listed (later sessions past this limit in this capture are not reported)"));
        }
    }

    private void Anomaly(FrameRef frame, PppAnomalyKind kind, string detail)
    {
        if (Session.Anomalies.Count < _maxObservations)
        {
            Session.Anomalies.Add(new PppAnomaly(kind, frame, detail));
        }
    }

    /// <summary>One control protocol's Configure state per direction (RFC 1661 §4 automaton, as far as a capture shows it).</summary>
    private sealed class NcpDirection
    {
        private bool _clientAcked;
        private bool _serverAcked;
        private int _clientUnanswered;
        private int _serverUnanswered;
        private int _clientRefused;
        private int _serverRefused;

        public bool Opened => _clientAcked && _serverAcked;

        public bool Looping =>
            _clientUnanswered >= LoopThreshold || _serverUnanswered >= LoopThreshold || _clientRefused >= LoopThreshold || _serverRefused >= LoopThreshold;

        public void Request(bool fromClient)
        {
            if (fromClient)
            {
                _clientUnanswered++;
            }
            else
            {
                _serverUnanswered++;
            }
        }

        /// <summary>An Ack from one side accepts the other side's request.</summary>
        public void Ack(bool fromClient)
        {
            if (fromClient)
            {
                _serverAcked = true;
                _serverUnanswered = 0;
                _serverRefused = 0;
            }
            else
            {
                _clientAcked = true;
                _clientUnanswered = 0;
                _clientRefused = 0;
            }
        }

        /// <summary>A Nak/Reject from one side answers the other side's request without opening; repeated ones are a loop.</summary>
        public void Refused(bool fromClient)
        {
            if (fromClient)
            {
                _serverRefused++;
            }
            else
            {
                _clientRefused++;
            }
        }
    }
}
