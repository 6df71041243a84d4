using Analyzer.Protocols.L2tp;
using Analyzer.Reporting.Document;
using Analyzer.Sessions;
using Analyzer.Sessions.L2tp;

namespace Analyzer.Reporting.Building;

/// <summary>L2TP tunnels of every capture: control messages (ZLB included), sessions, PPP.</summary>
internal static class L2tpSection
{
    public static L2tpReport Build(BuildContext context)
    {
        var tunnels = new List<ReportL2tpTunnel>();
        foreach (CaptureModel capture in context.Case.Captures)
        {
            foreach (L2tpTunnel tunnel in capture.L2tpTunnels)
            {
                tunnels.Add(ToReport(context, tunnel, context.InputName(capture.Input.Index)));
            }
        }

        return new L2tpReport { Tunnels = tunnels };
    }

    private static ReportL2tpTunnel ToReport(BuildContext context, L2tpTunnel tunnel, string input)
    {
        var messages = new List<ReportL2tpControlMessage>(tunnel.ControlMessages.Count);
        foreach (L2tpControlMessage message in tunnel.ControlMessages)
        {
            var avps = new List<ReportAvp>(message.Avps.Count);
            foreach (L2tpAvpValue avp in message.Avps)
            {
                avps.Add(new ReportAvp(avp.VendorId, avp.Type, avp.Name, context.Values.Field(avp.Name, avp.Value), avp.Mandatory, avp.Hidden));
            }

            messages.Add(new ReportL2tpControlMessage
            {
                Frame = message.Frame.Frame,
                Time = ReportNames.Time(message.Frame.Time),
                From = context.Values.Endpoint(message.From),
                To = context.Values.Endpoint(message.To),
                FromClient = message.From == tunnel.Client,
                Type = L2tpMessageTypes.Name(message.MessageType),
                MessageType = message.MessageType is L2tpMessageType type ? (int)type : ushort.MaxValue,
                TunnelId = message.TunnelId,
                SessionId = message.SessionId,
                Ns = message.Ns,
                Nr = message.Nr,
                Zlb = message.IsZlb,
                Retransmission = message.Retransmission,
                Avps = avps,
            });
        }

        var sessions = new List<ReportL2tpSession>(tunnel.Sessions.Count);
        foreach (L2tpSession session in tunnel.Sessions)
        {
            sessions.Add(new ReportL2tpSession
            {
                SessionIds = new ReportL2tpIds(session.ClientSessionId, session.ServerSessionId),
                State = ReportNames.Kebab(session.State),
                Result = ToReport(context, session.Result),
                DataPackets = session.DataPackets,
                Ppp = PppSection.Build(context, session.Ppp),
            });
        }

        return new ReportL2tpTunnel
        {
            Input = input,
            Client = context.Values.Endpoint(tunnel.Client),
            Server = context.Values.Endpoint(tunnel.Server),
            TunnelIds = new ReportL2tpIds(tunnel.ClientTunnelId, tunnel.ServerTunnelId),
            Version = tunnel.Version,
            State = ReportNames.Kebab(tunnel.State),
            Result = ToReport(context, tunnel.Result),
            ClientHostName = context.Values.Host(tunnel.ClientHostName),
            ServerHostName = context.Values.Host(tunnel.ServerHostName),
            ClientVendorName = context.Values.Text(tunnel.ClientVendorName),
            ServerVendorName = context.Values.Text(tunnel.ServerVendorName),
            InClearText = tunnel.InClearText,
            DataFromClient = tunnel.DataFromClient,
            DataFromServer = tunnel.DataFromServer,
            Anomalies = tunnel.Anomalies.Select(a => new ReportAnomaly(a.Frame.Frame, ReportNames.Kebab(a.Kind), context.Values.Text(a.Detail))).ToList(),
            ControlMessages = messages,
            Sessions = sessions,
        };
    }

    private static ReportL2tpResult? ToReport(BuildContext context, L2tpResult? result) =>
        result is null ? null : new ReportL2tpResult(result.ResultCode, result.ResultName, result.ErrorCode, result.ErrorName, context.Values.Text(result.Message));
}
