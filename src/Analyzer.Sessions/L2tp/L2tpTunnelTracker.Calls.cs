using System.Globalization;
using System.IO.Hashing;
using Analyzer.Core;
using Analyzer.Protocols.L2tp;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.L2tp;

/// <summary>Applies one control message to its tunnel and calls (RFC 2661 §7: tunnel and call establishment and teardown, result codes).</summary>
public sealed partial class L2tpTunnelTracker
{
    private void Apply(L2tpTunnelContext context, FrameRef frame, bool fromClient, L2tpHeader header, L2tpMessageType type, L2tpControlContent content)
    {
        L2tpTunnel tunnel = context.Tunnel;
        if (content.HostName is not null)
        {
            if (fromClient)
            {
                tunnel.ClientHostName = content.HostName;
            }
            else
            {
                tunnel.ServerHostName = content.HostName;
            }
        }

        if (content.VendorName is not null)
        {
            if (fromClient)
            {
                tunnel.ClientVendorName = content.VendorName;
            }
            else
            {
                tunnel.ServerVendorName = content.VendorName;
            }
        }

        switch (type)
        {
            case L2tpMessageType.StartControlConnectionReply:
                if (content.AssignedTunnelId is ushort serverId)
                {
                    tunnel.ServerTunnelId = serverId;
                    _byReceiverId[(tunnel.Server, serverId)] = context;
                }

                if (tunnel.State is L2tpTunnelState.WaitReply or L2tpTunnelState.Unknown)
                {
                    tunnel.State = L2tpTunnelState.WaitConnect;
                }

                break;
            case L2tpMessageType.StartControlConnectionConnected:
                if (tunnel.State != L2tpTunnelState.Stopped)
                {
                    tunnel.State = L2tpTunnelState.Established;
                }

                break;
            case L2tpMessageType.StopControlConnectionNotification:
                tunnel.State = L2tpTunnelState.Stopped;
                tunnel.Result = content.Result;
                tunnel.StopFrame = frame;
                break;
            case L2tpMessageType.IncomingCallRequest:
            case L2tpMessageType.OutgoingCallRequest:
                OnCallRequest(context, frame, fromClient, content);
                break;
            case L2tpMessageType.IncomingCallReply:
            case L2tpMessageType.OutgoingCallReply:
            case L2tpMessageType.IncomingCallConnected:
            case L2tpMessageType.OutgoingCallConnected:
            case L2tpMessageType.CallDisconnectNotify:
            case L2tpMessageType.WanErrorNotify:
            case L2tpMessageType.SetLinkInfo:
                OnCallMessage(context, frame, fromClient, header, type, content);
                break;
        }
    }

    private void OnCallRequest(L2tpTunnelContext context, FrameRef frame, bool fromClient, L2tpControlContent content)
    {
        if (content.AssignedSessionId is not ushort senderId)
        {
            AddAnomaly(context.Tunnel, new L2tpAnomaly(L2tpAnomalyKind.CallRequestWithoutSessionId, frame, "call request without Assigned Session ID"));
            return;
        }

        L2tpTunnelContext.SessionContext session = context.Find(fromClient, senderId) ?? context.Add(L2tpSessionState.WaitReply, frame, _notices);
        context.Assign(session, fromClient, senderId);
    }

    private void OnCallMessage(L2tpTunnelContext context, FrameRef frame, bool fromClient, L2tpHeader header, L2tpMessageType type, L2tpControlContent content)
    {
        // The header carries the receiver's session id; 0 when the sender never learnt it (a CDN answering an ICRQ at once).
        L2tpTunnelContext.SessionContext? session = header.SessionId != 0 ? context.Find(!fromClient, header.SessionId) : null;
        if (session is null && content.AssignedSessionId is ushort senderId)
        {
            session = context.Find(fromClient, senderId);
        }

        if (session is null)
        {
            session = context.Add(L2tpSessionState.Unknown, frame, _notices);
            if (header.SessionId != 0)
            {
                context.Assign(session, !fromClient, header.SessionId);
            }
        }

        if (content.AssignedSessionId is ushort assigned)
        {
            context.Assign(session, fromClient, assigned);
        }

        L2tpSession model = session.Session;
        switch (type)
        {
            case L2tpMessageType.IncomingCallReply:
            case L2tpMessageType.OutgoingCallReply:
                if (model.State is L2tpSessionState.WaitReply or L2tpSessionState.Unknown)
                {
                    model.State = L2tpSessionState.WaitConnect;
                }

                break;
            case L2tpMessageType.IncomingCallConnected:
            case L2tpMessageType.OutgoingCallConnected:
                model.Connected = true;
                if (model.State != L2tpSessionState.Disconnected)
                {
                    model.State = L2tpSessionState.Established;
                }

                break;
            case L2tpMessageType.CallDisconnectNotify when model.State != L2tpSessionState.Disconnected:
                // The first CDN decides who cleared the call; an answering CDN from the other end adds nothing.
                model.State = L2tpSessionState.Disconnected;
                model.Result = content.Result;
                model.DisconnectFrame = frame;
                model.ClearedByClient = fromClient;
                break;
        }
    }
}
