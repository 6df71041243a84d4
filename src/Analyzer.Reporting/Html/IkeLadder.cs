using System.Globalization;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Markdown;

namespace Analyzer.Reporting.Html;

/// <summary>
/// The ladder of one IKE SA: initiator and responder lanes, every message (retransmissions
/// dashed, error notifies red), the message left unanswered, and IP-fragmented datagrams whose
/// fragments never all arrived drawn as arrows that vanish halfway.
/// </summary>
internal static class IkeLadder
{
    public static string Render(ReportIkeSa sa)
    {
        var lanes = new List<LadderLane>
        {
            new("Initiator", sa.Initiator),
            new("Responder", sa.Responder),
        };
        double start = sa.Messages.Count > 0 ? IsoTime.SecondsOrZero(sa.Messages[0].Time) : 0;
        HashSet<long> unanswered = UnansweredFrames(sa);
        var errorFrames = new HashSet<long>();
        foreach (ReportNotify notify in sa.Notifies)
        {
            if (notify.Error)
            {
                errorFrames.Add(notify.Frame);
            }
        }

        var rows = new List<(double Time, int Order, LadderStep Step)>();
        foreach (ReportIkeMessage message in sa.Messages)
        {
            double time = IsoTime.SecondsOrZero(message.Time);
            string label = ReportLabels.Message(message) + " " + LadderDiagram.Payloads(message.PayloadTypes);
            if (message.Encrypted)
            {
                label += message.Decrypted ? " (decrypted)" : " (encrypted)";
            }

            if (message.Fragment is ReportIkeFragment fragment)
            {
                label += string.Create(CultureInfo.InvariantCulture, $" frag {fragment.Index}{(fragment.Last ? "/last" : string.Empty)}");
            }

            foreach (string notify in message.Notifies)
            {
                label += " N(" + notify + ")";
            }

            LadderStyle style = errorFrames.Contains(message.Frame) ? LadderStyle.Failure
                : unanswered.Contains(message.Frame) ? LadderStyle.Unanswered
                : message.Retransmission ? LadderStyle.Retransmission
                : LadderStyle.Normal;
            if (message.Retransmission)
            {
                label += " (retransmission)";
            }

            int from = message.FromInitiator ? 0 : 1;
            rows.Add((time, rows.Count, new LadderStep(from, 1 - from, label, LadderDiagram.LeftNote(time - start, message.Frame), style)));
        }

        string initiatorAddress = EndpointText.Address(sa.Initiator);
        foreach (ReportIncompleteDatagram datagram in sa.IncompleteDatagrams)
        {
            double time = IsoTime.SecondsOrZero(datagram.Time);
            int from = EndpointText.Address(datagram.From) == initiatorAddress ? 0 : 1;
            string size = datagram.TotalLength is int total ? total.ToString(CultureInfo.InvariantCulture) : "?";
            string label = string.Create(CultureInfo.InvariantCulture, $"IP fragments lost: {datagram.ReceivedBytes} of {size} bytes arrived");
            long frame = datagram.Frames.Count > 0 ? datagram.Frames[0] : 0;
            rows.Add((time, rows.Count, new LadderStep(from, 1 - from, label, LadderDiagram.LeftNote(time - start, frame), LadderStyle.Lost, 0.5)));
        }

        rows.Sort(static (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Order.CompareTo(b.Order));
        var steps = new List<LadderStep>(rows.Count);
        foreach ((double _, int _, LadderStep step) in rows)
        {
            steps.Add(step);
        }

        return LadderDiagram.Render("IKE SA " + sa.Initiator + " to " + sa.Responder, lanes, steps);
    }

    /// <summary>The last copy of each message an exchange stalled after, or the SA's last message when nothing answered it.</summary>
    private static HashSet<long> UnansweredFrames(ReportIkeSa sa)
    {
        var frames = new HashSet<long>();
        foreach (ReportIkeExchange exchange in sa.Exchanges)
        {
            if (exchange.State != "no-response")
            {
                continue;
            }

            long? last = null;
            foreach (ReportIkeMessage message in sa.Messages)
            {
                bool same = message.Exchange == exchange.Kind && message.MessageId == exchange.MessageId;
                if (same && (exchange.StalledAfterMessage is not int stalled || message.Number == stalled))
                {
                    last = message.Frame;
                }
            }

            if (last is long frame)
            {
                frames.Add(frame);
            }
        }

        if (frames.Count == 0 && sa.State == "no-response" && sa.Messages.Count > 0)
        {
            frames.Add(sa.Messages[^1].Frame);
        }

        return frames;
    }
}
