using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Gre;
using Analyzer.Protocols.Ppp;
using Analyzer.Protocols.Pptp;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ppp;

namespace Analyzer.Sessions.Pptp;

/// <summary>
/// PPTP in one capture (RFC 2637): control messages from TCP 1723 streams, enhanced GRE with the
/// PPP it carries, and PPP seen outside any tunnel (PPPoE, PPP link types) as <see cref="PppoeSession"/>s.
/// Its presence alone says the connection is PPTP rather than L2TP/IPsec.
/// </summary>
public sealed class PptpTracker
{

    private const int MaxAnomalies = 1_000;
    private const string NameText = "a PPTP host or vendor name";
    private const string ConnectionLimit = "PPTP connections";

    private readonly AnalysisInput _input;
    private readonly AnalysisLimits _limits;
    private readonly List<PptpConnectionContext> _connections = [];
    private readonly Dictionary<(NetEndpoint Client, NetEndpoint Server), PptpConnectionContext> _byTcp = [];
    private readonly Dictionary<(NetAddress, NetAddress), PptpConnectionContext> _byAddresses = [];
    private readonly List<(PppoeSession Session, PppSessionTracker Ppp)> _pppSessions = [];
    private readonly List<InputDiagnostic> _diagnostics = [];
    private readonly LimitNotices _notices;

    public PptpTracker(AnalysisInput input, AnalysisLimits limits)
        : this(input, limits, new LimitNotices(input, limits))
    {
    }

    /// <param name="notices">The capture's once-only warnings, shared with the other trackers.</param>
    internal PptpTracker(AnalysisInput input, AnalysisLimits limits, LimitNotices notices)
    {
        _input = input;
        _limits = limits;
        _notices = notices;
    }

    public void Observe(in VpnDatagram datagram)
    {
        switch (datagram.Kind)
        {
            case TrafficKind.PptpControl:
                ObserveControl(datagram);
                break;
            case TrafficKind.Gre:
                ObserveGre(datagram);
                break;
            case TrafficKind.Ppp:
                ObservePpp(datagram);
                break;
        }
    }

    public void Complete(CaptureModel model)
    {
        foreach (PptpConnectionContext context in _connections)
        {
            model.PptpConnections.Add(context.Connection);
        }

        foreach ((PppoeSession session, _) in _pppSessions)
        {
            model.PppoeSessions.Add(session);
        }

        model.Diagnostics.AddRange(_diagnostics);
        _notices.MoveTo(model.Diagnostics);
    }

    private void ObserveControl(in VpnDatagram datagram)
    {
        bool toServer = datagram.Destination.Port == VpnPorts.Pptp;
        NetEndpoint client = toServer ? datagram.Source : datagram.Destination;
        NetEndpoint server = toServer ? datagram.Destination : datagram.Source;
        if (!_byTcp.TryGetValue((client, server), out PptpConnectionContext? context))
        {
            context = Create(datagram.Frame, client, server);
            if (context is null)
            {
                return;
            }

            _byTcp[(client, server)] = context;
        }

        PptpConnection connection = context.Connection;
        connection.ControlSeen = true;
        if (datagram.Payload.IsEmpty)
        {
            return;
        }

        PptpStream stream = toServer ? context.FromClient : context.FromServer;
        if (!stream.Append(datagram.Payload, PptpStream.TcpSequence(datagram.IpPacket)))
        {
            Anomaly(connection, PptpAnomalyKind.ControlStreamGap, datagram.Frame, "control stream bytes lost or overflowed; reading restarts here");
        }

        while (stream.Length >= 2)
        {
            int length = PptpControlMessage.PeekLength(stream.Buffered);
            bool plausible = length is >= PptpControlMessage.HeaderLength and <= PptpControlMessage.MaximumLength;
            if (plausible && stream.Length < length)
            {
                break;
            }

            if (!PptpControlMessage.TryRead(stream.Buffered, out PptpControlMessage message, out ParseError error))
            {
                // Without a valid length and cookie there is no next message boundary to find: drop what is buffered.
                Anomaly(connection, PptpAnomalyKind.MalformedControlMessage, datagram.Frame, "PPTP control: " + error);
                stream.Clear();
                break;
            }

            Apply(connection, datagram.Frame, toServer, message);
            stream.Consume(message.Length);
        }
    }

    private void Apply(PptpConnection connection, FrameRef frame, bool fromClient, PptpControlMessage message)
    {
        PptpResult? result = null;
        if (message.TryGetResult(out byte code, out byte error))
        {
            result = new PptpResult(code, error);
            if (!PptpNames.IsSuccess(message.Type, code) && !ClearedByRequest(connection, message.Type) && connection.Failure is null)
            {
                connection.Failure = new PptpControlObservation(frame, fromClient, message.Type, result);
            }

            if (PptpNames.IsSuccess(message.Type, code))
            {
                if (message.Type == PptpMessageType.StartControlConnectionReply)
                {
                    connection.ControlEstablished = true;
                }
                else if (message.Type is PptpMessageType.OutgoingCallReply or PptpMessageType.IncomingCallReply)
                {
                    connection.CallEstablished = true;
                }
            }
        }

        if (message.TryGetCallId(out ushort callId)
            && message.Type is PptpMessageType.OutgoingCallRequest or PptpMessageType.OutgoingCallReply or PptpMessageType.IncomingCallRequest or PptpMessageType.IncomingCallReply)
        {
            if (fromClient)
            {
                connection.ClientCallId = callId;
            }
            else
            {
                connection.ServerCallId = callId;
            }
        }

        if (message.TryGetHostAndVendor(out ReadOnlySpan<byte> host, out ReadOnlySpan<byte> vendor))
        {
            string hostText = PeerText.Decode(host, _limits.MaxStringLength, out bool hostCut);
            string vendorText = PeerText.Decode(vendor, _limits.MaxStringLength, out bool vendorCut);
            if (hostCut || vendorCut)
            {
                _notices.TextCut(NameText, frame);
            }

            if (fromClient)
            {
                connection.ClientHostName = hostText;
                connection.ClientVendor = vendorText;
            }
            else
            {
                connection.ServerHostName = hostText;
                connection.ServerVendor = vendorText;
            }
        }

        if (connection.ControlMessages.Count < MaxAnomalies * 64)
        {
            connection.ControlMessages.Add(new PptpControlObservation(frame, fromClient, message.Type, result));
        }
    }

    /// <summary>A Call-Disconnect-Notify answering a Call-Clear-Request is the normal end of a call, whatever its result.</summary>
    private static bool ClearedByRequest(PptpConnection connection, PptpMessageType type)
    {
        if (type != PptpMessageType.CallDisconnectNotify)
        {
            return false;
        }

        return connection.ControlMessages.Exists(earlier => earlier.Type == PptpMessageType.CallClearRequest);
    }

    private void ObserveGre(in VpnDatagram datagram)
    {
        ReadOnlySpan<byte> gre = datagram.Payload;
        if (!GreHeader.TryRead(gre, out GreHeader header, out ParseError error))
        {
            Report(datagram.Frame, "GRE: " + error);
            return;
        }

        if (!header.IsPptp)
        {
            return;
        }

        PptpConnectionContext? context = FindByAddresses(datagram.Source.Address, datagram.Destination.Address);
        if (context is null)
        {
            // GRE without its control connection: the capture started after the call was set up.
            context = Create(datagram.Frame, new NetEndpoint(datagram.Source.Address, 0), new NetEndpoint(datagram.Destination.Address, 0));
            if (context is null)
            {
                return;
            }
        }

        PptpConnection connection = context.Connection;
        bool fromClient = datagram.Source.Address == connection.Client.Address;
        if (fromClient)
        {
            connection.GreFromClient++;
        }
        else
        {
            connection.GreFromServer++;
        }

        if (gre.Length > header.HeaderLength)
        {
            context.Ppp.Observe(datagram.Frame, fromClient, gre[header.HeaderLength..]);
        }
    }

    private void ObservePpp(in VpnDatagram datagram)
    {
        NetEndpoint a = datagram.Source;
        NetEndpoint b = datagram.Destination;
        PppoeSession? session = null;
        PppSessionTracker? tracker = null;
        foreach ((PppoeSession candidate, PppSessionTracker ppp) in _pppSessions)
        {
            if ((candidate.Source == a && candidate.Destination == b) || (candidate.Source == b && candidate.Destination == a))
            {
                session = candidate;
                tracker = ppp;
                break;
            }
        }

        if (session is null || tracker is null)
        {
            if (_pppSessions.Count >= _limits.MaxPptpConnections)
            {
                LimitReached(datagram.Frame);
                return;
            }

            tracker = new PppSessionTracker(_notices);
            session = new PppoeSession { Source = a, Destination = b, FirstFrame = datagram.Frame, Ppp = tracker.Session };
            _pppSessions.Add((session, tracker));
        }

        session.Packets++;
        session.LastFrame = datagram.Frame;

        // The first sender is taken as the client; without addresses, authentication codes decide.
        bool fromClient = a == b ? PppDirection.GuessFromClient(datagram.Payload, true) : a == session.Source;
        tracker.Observe(datagram.Frame, fromClient, datagram.Payload);
    }

    /// <summary>The latest connection between two addresses, whichever way round (GRE has no ports).</summary>
    private PptpConnectionContext? FindByAddresses(NetAddress one, NetAddress other) =>
        _byAddresses.GetValueOrDefault(one < other ? (one, other) : (other, one));

    private PptpConnectionContext? Create(FrameRef frame, NetEndpoint client, NetEndpoint server)
    {
        if (_connections.Count >= _limits.MaxPptpConnections)
        {
            LimitReached(frame);
            return null;
        }

        var context = new PptpConnectionContext(new PptpConnection { Client = client, Server = server, FirstFrame = frame }, _notices);
        _connections.Add(context);
        NetAddress a = client.Address;
        NetAddress b = server.Address;
        _byAddresses[a < b ? (a, b) : (b, a)] = context;
        return context;
    }

    /// <summary>Warned through the notices, not <see cref="Report"/>: the warning must not be lost behind a thousand anomalies.</summary>
    private void LimitReached(FrameRef frame) =>
        _notices.Reached(ConnectionLimit, frame, _limits.MaxPptpConnections, static max => string.Create(CultureInfo.InvariantCulture,
            $"more than {max} PPTP connections or PPP sessions; later ones are not tracked"));

    private void Anomaly(PptpConnection connection, PptpAnomalyKind kind, FrameRef frame, string text)
    {
        if (connection.Anomalies.Count < MaxAnomalies)
        {
            connection.Anomalies.Add(new PptpAnomaly(kind, frame, text));
        }

        Report(frame, text);
    }

    private void Report(FrameRef frame, string message)
    {
        if (_diagnostics.Count < MaxAnomalies)
        {
            _diagnostics.Add(new InputDiagnostic(_input.DisplayName, null, frame.Frame, message));
        }
    }
}
