using System.Buffers.Binary;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ppp;

namespace Analyzer.Sessions.Ppp;

/// <summary>
/// Builds one <see cref="PppSession"/> from PPP frames in order, whichever tunnel carried them
/// (L2TP, PPTP/GRE, PPPoE, a PPP link). "Client" is the dialling side; the server authenticates it.
/// </summary>
public sealed class PppSessionTracker
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
        Record(new PppPacketObservation(frame, fromClient, PppProtocols.Name(protocol), PppCodes.Name(protocol, packet.Code), packet.Identifier, summary));
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
                if (!fromClient && Session.AuthenticationProtocol is null && TryFindOption(packet.Data, PppOptionNames.LcpAuthenticationProtocol, out ReadOnlySpan<byte> requested))
                {
                    Session.AuthenticationProtocol = PppAuthentication.Name(requested);
                }

                break;
            case PppCodes.ConfigureAck:
                _lcp.Ack(fromClient);
                Session.LcpOpened = _lcp.Opened;
                if (fromClient && TryFindOption(packet.Data, PppOptionNames.LcpAuthenticationProtocol, out ReadOnlySpan<byte> agreed))
                {
                    Session.AuthenticationProtocol = PppAuthentication.Name(agreed);
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

    private string OnIpcp(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        if (!fromClient && packet.Code is PppCodes.ConfigureReject or PppCodes.ConfigureNak
            && TryFindOption(packet.Data, PppOptionNames.IpcpAddress, out ReadOnlySpan<byte> refused)
            && (packet.Code == PppCodes.ConfigureReject || refused.Length == 4 && BinaryPrimitives.ReadUInt32BigEndian(refused) == 0))
        {
            // RFC 1332 §3.3: rejecting IP-Address (or naming no address) leaves the client without one.
            Session.ClientAddressRefused = true;
            Session.ClientAddressRefusedFrame ??= frame;
        }

        if (packet.Code == PppCodes.TerminateRequest && Session.IpcpTerminatedByClient is null)
        {
            Session.IpcpTerminatedByClient = fromClient;
            Session.IpcpTerminationMessage = Text(packet.Data, frame);
            return Session.IpcpTerminationMessage;
        }

        // An Ack repeats the request it accepts: an Ack from the server confirms the client's own address.
        if (AckedOption(packet, PppOptionNames.IpcpAddress, out ReadOnlySpan<byte> address) && address.Length == 4)
        {
            string text = NetAddress.FromV4(address).ToString();
            (fromClient ? ref _serverAddress : ref _clientAddress) = text;
            Session.ClientAddress = _clientAddress;
            Session.ServerAddress = _serverAddress;
        }

        TrackNcp(_ipcp, fromClient, packet.Code);
        Session.IpcpOpened = _ipcp.Opened;
        return OptionsOrEmpty(PppProtocols.Ipcp, packet);
    }

    private string OnIpv6cp(bool fromClient, PppControlPacket packet)
    {
        if (AckedOption(packet, PppOptionNames.Ipv6cpInterfaceIdentifier, out ReadOnlySpan<byte> id))
        {
            string text = Convert.ToHexStringLower(id);
            (fromClient ? ref _serverInterfaceId : ref _clientInterfaceId) = text;
            Session.ClientInterfaceId = _clientInterfaceId;
            Session.ServerInterfaceId = _serverInterfaceId;
        }

        TrackNcp(_ipv6cp, fromClient, packet.Code);
        Session.Ipv6cpOpened = _ipv6cp.Opened;
        return OptionsOrEmpty(PppProtocols.Ipv6cp, packet);
    }

    private static bool AckedOption(PppControlPacket packet, byte type, out ReadOnlySpan<byte> value)
    {
        value = default;
        return packet.Code == PppCodes.ConfigureAck && TryFindOption(packet.Data, type, out value);
    }

    private string OnCcp(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        string summary = OptionsOrEmpty(PppProtocols.Ccp, packet);
        bool mppe = TryFindOption(packet.Data, PppOptionNames.CcpMppe, out _);
        if (packet.Code == PppCodes.ConfigureRequest && mppe)
        {
            Session.EncryptionRequestedByServer ??= !fromClient;
        }
        else if (packet.Code == PppCodes.ConfigureReject && mppe)
        {
            EncryptionRefused(frame, fromClient);
        }

        if (packet.Code == PppCodes.ConfigureAck)
        {
            Session.CompressionNegotiated = true;
            Session.Compression = summary;
        }

        return summary;
    }

    /// <summary>The MPPE request of the other side was refused by <paramref name="fromClient"/>'s side.</summary>
    private void EncryptionRefused(FrameRef frame, bool fromClient)
    {
        if (Session.EncryptionRequestedByServer == fromClient && Session.EncryptionRefusedByClient is null)
        {
            Session.EncryptionRefusedByClient = fromClient;
            Session.EncryptionRefusalFrame = frame;
        }
    }

    private string OnPap(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        ReadOnlySpan<byte> data = packet.Data;
        Session.AuthenticationProtocol ??= "PAP";
        if (packet.Code == 1)
        {
            // Authenticate-Request: Peer-ID length, Peer-ID, Password length, Password. The password is never kept.
            if (data.Length >= 1 && data[0] <= data.Length - 1)
            {
                Session.UserName = Text(data.Slice(1, data[0]), frame);
                return "peer " + Session.UserName;
            }

            Anomaly(frame, PppAnomalyKind.BadAuthenticationField, "PAP Authenticate-Request: Peer-ID length past the packet");
            return string.Empty;
        }

        string message = string.Empty;
        if (data.Length >= 1 && data[0] <= data.Length - 1)
        {
            message = Text(data.Slice(1, data[0]), frame);
        }
        else
        {
            // RFC 1334 §2.2.2: Ack and Nak always carry a Msg-Length, even for an empty message.
            Anomaly(frame, PppAnomalyKind.BadAuthenticationField, "PAP " + PppCodes.Name(PppProtocols.Pap, packet.Code) + ": Msg-Length missing or past the packet");
        }

        if (packet.Code is 2 or 3 && !fromClient)
        {
            SetResult(frame, packet.Code == 2, null, message);
        }

        return message;
    }

    private string OnChap(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        ReadOnlySpan<byte> data = packet.Data;
        Session.AuthenticationProtocol ??= "CHAP";
        switch (packet.Code)
        {
            case 1:
            case 2:
                // Challenge/Response: Value-Size, Value, Name (the responder's user name, e.g. DOMAIN\user).
                if (data.Length < 1 || data[0] > data.Length - 1)
                {
                    Anomaly(frame, PppAnomalyKind.BadAuthenticationField, "CHAP " + PppCodes.Name(PppProtocols.Chap, packet.Code) + ": Value-Size past the packet");
                    return string.Empty;
                }

                string name = Text(data[(1 + data[0])..], frame);
                if (packet.Code == 2 && fromClient)
                {
                    Session.UserName = name;
                }

                return "name " + name;
            case 3:
            case 4:
                MsChapMessage message = MsChapMessage.Parse(data, _maxStringLength);
                NoteCut(message, frame);
                bool success = packet.Code == 3;
                if (!fromClient)
                {
                    SetResult(frame, success, message.ErrorCode, success ? message.Message ?? Text(data, frame) : message.ToString());
                }

                return message.ErrorCode is null && message.Message is null ? Text(data, frame) : message.ToString();
        }

        return string.Empty;
    }

    private string OnEap(FrameRef frame, bool fromClient, PppControlPacket packet)
    {
        ReadOnlySpan<byte> data = packet.Data;
        Session.AuthenticationProtocol ??= "EAP";
        switch (packet.Code)
        {
            case 1:
            case 2:
                if (data.IsEmpty)
                {
                    return string.Empty;
                }

                byte type = data[0];
                if (type == EapTypes.Identity && packet.Code == 2 && fromClient)
                {
                    Session.UserName = Text(data[1..], frame);
                    return "Identity " + Session.UserName;
                }

                // EAP-MSCHAPv2 (RFC draft-kamath): OpCode, MS-CHAPv2-ID, MS-Length, then a Failure carries "E=... M=...".
                if (type == 26 && data.Length > 5 && data[1] == 4 && !fromClient)
                {
                    MsChapMessage failure = MsChapMessage.Parse(data[5..], _maxStringLength);
                    NoteCut(failure, frame);
                    SetResult(frame, false, failure.ErrorCode, failure.ToString());
                    return EapTypes.Name(type) + " Failure " + failure;
                }

                return EapTypes.Name(type);
            case 3:
            case 4:
                if (!fromClient)
                {
                    SetResult(frame, packet.Code == 3, Session.AuthenticationErrorCode, Session.AuthenticationMessage);
                }

                return string.Empty;
        }

        return string.Empty;
    }

    private void SetResult(FrameRef frame, bool success, int? errorCode, string? message)
    {
        Session.AuthenticationResult = success ? "success" : "failure";
        Session.AuthenticationErrorCode = errorCode;
        Session.AuthenticationMessage = string.IsNullOrEmpty(message) ? Session.AuthenticationMessage : message;
        Session.AuthenticationFrame = frame;
    }

    private static void TrackNcp(NcpDirection state, bool fromClient, byte code)
    {
        switch (code)
        {
            case PppCodes.ConfigureRequest:
                state.Request(fromClient);
                break;
            case PppCodes.ConfigureAck:
                state.Ack(fromClient);
                break;
            case PppCodes.ConfigureNak:
            case PppCodes.ConfigureReject:
                state.Refused(fromClient);
                break;
        }
    }

    private static string OptionsOrEmpty(ushort protocol, PppControlPacket packet) =>
        packet.Code is >= PppCodes.ConfigureRequest and <= PppCodes.ConfigureReject ? PppOptionFormatter.Format(protocol, packet.Data) : string.Empty;

    private static bool TryFindOption(ReadOnlySpan<byte> options, byte type, out ReadOnlySpan<byte> value)
    {
        var reader = new PppOptionReader(options);
        while (reader.TryReadOption(out PppOption option, out _))
        {
            if (option.Type == type)
            {
                value = option.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Peer text cut at the string limit; the first cut in the capture is warned about.</summary>
    private string Text(ReadOnlySpan<byte> bytes, FrameRef frame)
    {
        string text = PeerText.Decode(bytes, _maxStringLength, out bool cut);
        if (cut)
        {
            _notices?.TextCut(PeerString, frame);
        }

        return text;
    }

    private void NoteCut(MsChapMessage message, FrameRef frame)
    {
        if (message.MessageCut)
        {
            _notices?.TextCut(MsChapText, frame);
        }
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
