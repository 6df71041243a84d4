using System.Globalization;
using System.IO.Hashing;
using Analyzer.Core;
using Analyzer.Protocols.L2tp;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.L2tp;

/// <summary>
/// Rebuilds L2TP control connections and their calls from UDP 1701 datagrams of one capture
/// (RFC 2661 §5.1, §7): SCCRQ→SCCRP→SCCCN, ICRQ→ICRP→ICCN, StopCCN and CDN with their result
/// codes, retransmissions from Ns, and the PPP carried in data messages. Whatever is seen here
/// crossed the capture point in clear text, so every tunnel is marked <see cref="L2tpTunnel.InClearText"/>.
/// This file reads datagrams; applying control messages to tunnels and calls is in
/// L2tpTunnelTracker.Calls.cs, finding the tunnel a message belongs to in L2tpTunnelTracker.Directory.cs.
/// </summary>
public sealed partial class L2tpTunnelTracker
{
    /// <summary>Control messages kept per tunnel; beyond it they are counted as an anomaly only.</summary>
    public const int MaxControlMessagesPerTunnel = 65_536;

    /// <summary>Diagnostics kept per capture; one summary line follows the last.</summary>
    public const int MaxDiagnostics = 1_000;

    private const string AvpText = "an L2TP AVP string";
    private const string AvpLimit = "AVPs of one L2TP control message";

    private readonly AnalysisInput _input;
    private readonly AnalysisLimits _limits;
    private readonly List<L2tpTunnelContext> _tunnels = [];
    private readonly Dictionary<(NetEndpoint Receiver, ushort TunnelId), L2tpTunnelContext> _byReceiverId = [];
    private readonly Dictionary<(NetEndpoint, NetEndpoint), L2tpTunnelContext> _version3 = [];

    // Tunnels by (client, server) in creation order: a message whose tunnel id is not known yet is
    // matched among the tunnels between its two endpoints, not among all tunnels of the capture.
    private readonly Dictionary<(NetEndpoint Client, NetEndpoint Server), List<(int Ordinal, L2tpTunnelContext Context)>> _byEndpoints = [];
    private readonly List<InputDiagnostic> _diagnostics = [];
    private readonly LimitNotices _notices;
    private long _droppedDiagnostics;
    private bool _tunnelLimitReported;

    public L2tpTunnelTracker(AnalysisInput input, AnalysisLimits limits)
        : this(input, limits, new LimitNotices(input, limits))
    {
    }

    /// <param name="notices">The capture's once-only warnings, shared with the other trackers.</param>
    internal L2tpTunnelTracker(AnalysisInput input, AnalysisLimits limits, LimitNotices notices)
    {
        _input = input;
        _limits = limits;
        _notices = notices;
    }

    public void Observe(in VpnDatagram datagram)
    {
        if (datagram.Kind != TrafficKind.L2tp)
        {
            return;
        }

        ReadOnlySpan<byte> payload = datagram.Payload;
        if (!L2tpHeader.TryRead(payload, out L2tpHeader header, out ParseError error))
        {
            Report(datagram.Frame, "L2TP header: " + error);
            return;
        }

        if (header.Version == 3)
        {
            ObserveVersion3(datagram);
            return;
        }

        ReadOnlySpan<byte> message = payload;
        if (header.HasLength)
        {
            if (header.Length <= payload.Length)
            {
                message = payload[..header.Length];
            }
            else if (!datagram.IsTruncated)
            {
                // A Length past the datagram is a malformed message, not a capture cut: decode what there is.
                Report(datagram.Frame, "L2TP " + ParseError.BadLength(2, header.Length, payload.Length));
            }
        }

        if (header.IsControl)
        {
            ObserveControl(datagram, header, message);
        }
        else
        {
            ObserveData(datagram, header, message);
        }
    }

    public void Complete(CaptureModel model)
    {
        // ESP completes first: its flows already know the SA that owns them.
        var owners = new Dictionary<uint, IkeSa>();
        foreach (EspFlow flow in model.EspFlows)
        {
            if (flow.IkeSa is not null)
            {
                owners.TryAdd(flow.Spi, flow.IkeSa);
            }
        }

        foreach (L2tpTunnelContext context in _tunnels)
        {
            L2tpTunnel tunnel = context.Tunnel;
            if (tunnel.State == L2tpTunnelState.WaitReply && tunnel.ControlMessages.Count > 1)
            {
                int requests = 0;
                FrameRef? first = null;
                foreach (L2tpControlMessage message in tunnel.ControlMessages)
                {
                    if (message.MessageType == L2tpMessageType.StartControlConnectionRequest)
                    {
                        requests++;
                        first ??= message.Frame;
                    }
                }

                tunnel.Anomalies.Add(new L2tpAnomaly(L2tpAnomalyKind.SccrqUnanswered, first ?? tunnel.FirstFrame,
                    string.Create(CultureInfo.InvariantCulture, $"SCCRQ sent {requests} times and never answered")));
            }

            tunnel.Carrier = tunnel.EspSpi is uint spi ? owners.GetValueOrDefault(spi) : null;
            model.L2tpTunnels.Add(tunnel);
        }

        model.Diagnostics.AddRange(_diagnostics);
        _notices.MoveTo(model.Diagnostics);
        if (_droppedDiagnostics > 0)
        {
            model.Diagnostics.Add(new InputDiagnostic(_input.DisplayName, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{_droppedDiagnostics} more L2TP problems not listed")));
        }
    }

    private void ObserveControl(in VpnDatagram datagram, L2tpHeader header, ReadOnlySpan<byte> message)
    {
        ReadOnlySpan<byte> body = message.Length > header.HeaderLength ? message[header.HeaderLength..] : default;
        bool zlb = body.IsEmpty;
        L2tpControlContent content = zlb ? new L2tpControlContent() : L2tpControlContent.Read(body, header.HeaderLength, _limits.MaxStringLength);
        var type = zlb ? L2tpMessageType.Zlb : (L2tpMessageType)(content.MessageType ?? ushort.MaxValue);

        L2tpTunnelContext? context = FindOrCreateTunnel(datagram, header, type, content);
        if (context is null)
        {
            return;
        }

        L2tpTunnel tunnel = context.Tunnel;
        NoteProtection(tunnel, datagram);
        bool fromClient = context.IsFromClient(datagram.Source);
        bool retransmission = !zlb && header.HasSequence && context.IsRetransmission(fromClient, header.Ns);
        if (!header.ControlFlagsValid)
        {
            const string flags = "control message without the L and S bits set, or with an offset (RFC 2661 §3.1)";
            AddAnomaly(tunnel, new L2tpAnomaly(L2tpAnomalyKind.ControlFlagsInvalid, datagram.Frame, flags));
            Report(datagram.Frame, "L2TP " + flags);
        }

        if (retransmission)
        {
            tunnel.Retransmissions++;
        }

        NoteLimits(tunnel, datagram.Frame, content);

        foreach (string problem in content.Problems)
        {
            AddAnomaly(tunnel, new L2tpAnomaly(L2tpAnomalyKind.MalformedMessage, datagram.Frame, problem));
            Report(datagram.Frame, "L2TP " + problem);
        }

        if (tunnel.ControlMessages.Count < MaxControlMessagesPerTunnel)
        {
            tunnel.ControlMessages.Add(new L2tpControlMessage
            {
                Frame = datagram.Frame,
                From = datagram.Source,
                To = datagram.Destination,
                MessageType = zlb ? L2tpMessageType.Zlb : content.MessageType is ushort known ? (L2tpMessageType)known : null,
                TunnelId = header.TunnelId,
                SessionId = header.SessionId,
                Ns = header.Ns,
                Nr = header.Nr,
                SequencePresent = header.HasSequence,
                IsZlb = zlb,
                Retransmission = retransmission,
                Avps = content.Avps,
                DecryptedFromSpi = datagram.IsDecrypted ? datagram.EncapsulatingSpi : null,
                ContentHash = XxHash64.HashToUInt64(message),
            });
        }

        if (!retransmission)
        {
            Apply(context, datagram.Frame, fromClient, header, type, content);
        }
    }

    /// <summary>
    /// A tunnel first met inside decrypted ESP is protected; one clear message anywhere makes it
    /// <see cref="L2tpTunnel.InClearText"/> again, as without keys.
    /// </summary>
    private static void NoteProtection(L2tpTunnel tunnel, in VpnDatagram datagram)
    {
        if (!datagram.IsDecrypted)
        {
            tunnel.InClearText = true;
            return;
        }

        if (tunnel.DecryptedMessages == 0 && tunnel.ControlMessages.Count == 0 && tunnel.DataFromClient + tunnel.DataFromServer == 0)
        {
            tunnel.InClearText = false;
        }

        tunnel.EspSpi ??= datagram.EncapsulatingSpi;
        tunnel.DecryptedMessages++;
    }

    /// <summary>Strings cut and AVP lists cut: an anomaly on the tunnel for the list, one warning per capture for each.</summary>
    private static void AddAnomaly(L2tpTunnel tunnel, L2tpAnomaly anomaly)
    {
        if (tunnel.Anomalies.Count < MaxControlMessagesPerTunnel)
        {
            tunnel.Anomalies.Add(anomaly);
        }
    }

    private void NoteLimits(L2tpTunnel tunnel, FrameRef frame, L2tpControlContent content)
    {
        if (content.TextCut)
        {
            _notices.TextCut(AvpText, frame);
        }

        if (content.AvpsCut)
        {
            AddAnomaly(tunnel, new L2tpAnomaly(L2tpAnomalyKind.TooManyAvps, frame,
                string.Create(CultureInfo.InvariantCulture, $"more than {L2tpControlContent.MaxAvps} AVPs; the rest are not listed")));

            _notices.Reached(AvpLimit, frame, L2tpControlContent.MaxAvps, static max => string.Create(CultureInfo.InvariantCulture,
                $"an L2TP control message has more than {max} AVPs; the rest are not listed (later messages past this bound in this capture are not reported)"));
        }
    }

    private void ObserveData(in VpnDatagram datagram, L2tpHeader header, ReadOnlySpan<byte> message)
    {
        L2tpTunnelContext? context = FindOrCreateTunnel(datagram, header, L2tpMessageType.Zlb, null);
        if (context is null)
        {
            return;
        }

        NoteProtection(context.Tunnel, datagram);
        bool fromClient = context.IsFromClient(datagram.Source);
        if (fromClient)
        {
            context.Tunnel.DataFromClient++;
        }
        else
        {
            context.Tunnel.DataFromServer++;
        }

        L2tpTunnelContext.SessionContext? session = context.Find(!fromClient, header.SessionId);
        if (session is null)
        {
            session = context.Add(L2tpSessionState.Unknown, datagram.Frame, _notices);
            context.Assign(session, !fromClient, header.SessionId);
        }

        session.Session.DataPackets++;
        if (message.Length > header.HeaderLength)
        {
            session.Ppp.Observe(datagram.Frame, fromClient, message[header.HeaderLength..]);
        }
    }

    private void ObserveVersion3(in VpnDatagram datagram)
    {
        NetEndpoint a = datagram.Source;
        NetEndpoint b = datagram.Destination;
        var key = a.Address < b.Address || (a.Address == b.Address && a.Port < b.Port) ? (a, b) : (b, a);
        if (!_version3.TryGetValue(key, out L2tpTunnelContext? context))
        {
            context = Create(datagram.Frame, datagram.Source, datagram.Destination, L2tpTunnelState.Unknown);
            if (context is null)
            {
                return;
            }

            context.Tunnel.Version = 3;
            AddAnomaly(context.Tunnel, new L2tpAnomaly(L2tpAnomalyKind.Version3NotDecoded, datagram.Frame, "L2TPv3 (RFC 3931) over UDP; recognised, not decoded"));
            _version3[key] = context;
        }

        if (context.IsFromClient(datagram.Source))
        {
            context.Tunnel.DataFromClient++;
        }
        else
        {
            context.Tunnel.DataFromServer++;
        }
    }

    private void Report(FrameRef frame, string message)
    {
        if (_diagnostics.Count >= MaxDiagnostics)
        {
            _droppedDiagnostics++;
            return;
        }

        _diagnostics.Add(new InputDiagnostic(_input.DisplayName, null, frame.Frame, message));
    }
}
