using Analyzer.Protocols.L2tp;
using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Html;

/// <summary>The ladder of one L2TP tunnel: client (LAC) and server (LNS) lanes, ZLBs grey, retransmissions dashed, StopCCN/CDN red.</summary>
internal static class L2tpLadder
{
    public static string Render(ReportL2tpTunnel tunnel)
    {
        var lanes = new List<LadderLane>
        {
            new("Client (LAC) " + (tunnel.ClientHostName ?? string.Empty), tunnel.Client),
            new("Server (LNS) " + (tunnel.ServerHostName ?? string.Empty), tunnel.Server),
        };
        double start = tunnel.ControlMessages.Count > 0 ? IsoTime.SecondsOrZero(tunnel.ControlMessages[0].Time) : 0;
        int unanswered = UnansweredIndex(tunnel);
        var steps = new List<LadderStep>(tunnel.ControlMessages.Count);
        for (int i = 0; i < tunnel.ControlMessages.Count; i++)
        {
            ReportL2tpControlMessage message = tunnel.ControlMessages[i];
            string label = string.Create(CultureInfo.InvariantCulture, $"{message.Type} Ns={message.Ns} Nr={message.Nr}");
            bool failure = (L2tpMessageType)message.MessageType is L2tpMessageType.StopControlConnectionNotification or L2tpMessageType.CallDisconnectNotify;
            if (failure)
            {
                foreach (ReportAvp avp in message.Avps)
                {
                    if (avp.Vendor == 0 && avp.Type == 1)
                    {
                        label += " result " + avp.Value;
                    }
                }
            }

            LadderStyle style = failure ? LadderStyle.Failure
                : i == unanswered ? LadderStyle.Unanswered
                : message.Retransmission ? LadderStyle.Retransmission
                : message.Zlb ? LadderStyle.Muted
                : LadderStyle.Normal;
            if (message.Retransmission)
            {
                label += " (retransmission)";
            }

            int from = message.FromClient ? 0 : 1;
            double time = IsoTime.SecondsOrZero(message.Time);
            steps.Add(new LadderStep(from, 1 - from, label, LadderDiagram.LeftNote(time - start, message.Frame), style));
        }

        return LadderDiagram.Render("L2TP tunnel " + tunnel.Client + " to " + tunnel.Server, lanes, steps);
    }

    /// <summary>While the tunnel waits for a reply, its last non-ZLB message that the other side never followed.</summary>
    private static int UnansweredIndex(ReportL2tpTunnel tunnel)
    {
        if (tunnel.State is not ("wait-reply" or "wait-connect"))
        {
            return -1;
        }

        for (int i = tunnel.ControlMessages.Count - 1; i >= 0; i--)
        {
            ReportL2tpControlMessage message = tunnel.ControlMessages[i];
            if (!message.Zlb)
            {
                bool answered = false;
                for (int j = i + 1; j < tunnel.ControlMessages.Count; j++)
                {
                    answered |= tunnel.ControlMessages[j].FromClient != message.FromClient;
                }

                return answered ? -1 : i;
            }
        }

        return -1;
    }
}
