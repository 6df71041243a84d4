using System.Globalization;
using System.IO.Hashing;
using Analyzer.Core;
using Analyzer.Protocols.L2tp;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.L2tp;

/// <summary>Finds or creates the tunnel a message belongs to: by the receiver's tunnel id, else among the tunnels between its two endpoints still awaiting that id.</summary>
public sealed partial class L2tpTunnelTracker
{
    private L2tpTunnelContext? FindOrCreateTunnel(in VpnDatagram datagram, L2tpHeader header, L2tpMessageType type, L2tpControlContent? content)
    {
        if (type == L2tpMessageType.StartControlConnectionRequest && content?.AssignedTunnelId is ushort clientId)
        {
            // Replies to the client carry the id it assigned: index the tunnel under the client's endpoint and that id.
            if (_byReceiverId.TryGetValue((datagram.Source, clientId), out L2tpTunnelContext? existing)
                && existing.Tunnel.State is L2tpTunnelState.WaitReply or L2tpTunnelState.WaitConnect)
            {
                return existing;
            }

            L2tpTunnelContext? created = Create(datagram.Frame, datagram.Source, datagram.Destination, L2tpTunnelState.WaitReply);
            if (created is not null)
            {
                created.Tunnel.ClientTunnelId = clientId;
                _byReceiverId[(datagram.Source, clientId)] = created;
            }

            return created;
        }

        if (_byReceiverId.TryGetValue((datagram.Destination, header.TunnelId), out L2tpTunnelContext? known))
        {
            return known;
        }

        // A tunnel whose far side's id is not known yet (it began before the capture, or only one side spoke so far):
        // the earliest created of those between these endpoints, whichever side is the client.
        (int Ordinal, L2tpTunnelContext Context)? awaitingClientId = FirstAwaitingId(datagram.Destination, datagram.Source, clientSide: true, header.TunnelId);
        (int Ordinal, L2tpTunnelContext Context)? awaitingServerId = FirstAwaitingId(datagram.Source, datagram.Destination, clientSide: false, header.TunnelId);
        if (awaitingClientId is { } toClient && (awaitingServerId is not { } other || toClient.Ordinal < other.Ordinal))
        {
            toClient.Context.Tunnel.ClientTunnelId = header.TunnelId;
            _byReceiverId[(datagram.Destination, header.TunnelId)] = toClient.Context;
            return toClient.Context;
        }

        if (awaitingServerId is { } toServer)
        {
            toServer.Context.Tunnel.ServerTunnelId = header.TunnelId;
            _byReceiverId[(datagram.Destination, header.TunnelId)] = toServer.Context;
            return toServer.Context;
        }

        bool senderIsClient = GuessSenderIsClient(datagram, type);
        NetEndpoint client = senderIsClient ? datagram.Source : datagram.Destination;
        NetEndpoint server = senderIsClient ? datagram.Destination : datagram.Source;
        L2tpTunnelContext? context = Create(datagram.Frame, client, server, L2tpTunnelState.Unknown);
        if (context is not null)
        {
            if (senderIsClient)
            {
                context.Tunnel.ServerTunnelId = header.TunnelId;
            }
            else
            {
                context.Tunnel.ClientTunnelId = header.TunnelId;
            }

            _byReceiverId[(datagram.Destination, header.TunnelId)] = context;
        }

        return context;
    }

    /// <summary>The earliest version 2 tunnel from <paramref name="client"/> to <paramref name="server"/> that still lacks the id of the given side.</summary>
    private (int Ordinal, L2tpTunnelContext Context)? FirstAwaitingId(NetEndpoint client, NetEndpoint server, bool clientSide, ushort tunnelId)
    {
        if (!_byEndpoints.TryGetValue((client, server), out List<(int Ordinal, L2tpTunnelContext Context)>? candidates))
        {
            return null;
        }

        foreach ((int ordinal, L2tpTunnelContext candidate) in candidates)
        {
            L2tpTunnel tunnel = candidate.Tunnel;
            if (tunnel.Version != 2)
            {
                continue;
            }

            // The server's id is only taken from a non-zero tunnel id: zero is what a client sends before it knows it.
            if (clientSide ? tunnel.ClientTunnelId == 0 : tunnel.ServerTunnelId == 0 && tunnelId != 0)
            {
                return (ordinal, candidate);
            }
        }

        return null;
    }

    /// <summary>For a tunnel first seen mid-way: replies and LNS-initiated calls come from the server; otherwise the side not on port 1701, else the sender, is the client.</summary>
    private static bool GuessSenderIsClient(in VpnDatagram datagram, L2tpMessageType type)
    {
        if (type is L2tpMessageType.StartControlConnectionReply or L2tpMessageType.IncomingCallReply or L2tpMessageType.OutgoingCallRequest or L2tpMessageType.OutgoingCallConnected)
        {
            return false;
        }

        if (datagram.Source.Port == VpnPorts.L2tp && datagram.Destination.Port != VpnPorts.L2tp)
        {
            return false;
        }

        return true;
    }

    private L2tpTunnelContext? Create(FrameRef frame, NetEndpoint client, NetEndpoint server, L2tpTunnelState state)
    {
        if (_tunnels.Count >= _limits.MaxL2tpTunnels)
        {
            if (!_tunnelLimitReported)
            {
                _tunnelLimitReported = true;
                Report(frame, string.Create(CultureInfo.InvariantCulture, $"more than {_limits.MaxL2tpTunnels} L2TP tunnels; later ones are not tracked"));
            }

            return null;
        }

        var context = new L2tpTunnelContext(new L2tpTunnel { Client = client, Server = server, State = state, FirstFrame = frame });
        if (!_byEndpoints.TryGetValue((client, server), out List<(int Ordinal, L2tpTunnelContext Context)>? between))
        {
            between = [];
            _byEndpoints[(client, server)] = between;
        }

        between.Add((_tunnels.Count, context));
        _tunnels.Add(context);
        return context;
    }
}
