using Analyzer.Protocols.L2tp;
using Analyzer.Protocols.Pptp;
using System.Globalization;
using System.Text;
using Analyzer.Core;
using Analyzer.Correlation.Events;
using Analyzer.EventLogs;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Markdown;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;
using Analyzer.Sessions.Ppp;
using Analyzer.Sessions.Pptp;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Reporting.Building;

/// <summary>
/// Capture messages (IKE, L2TP, PPTP, PPP authentication, ESP first/last) and the log records that
/// mean something (normalised or tied to a frame), merged in time order. Log records are ordered by
/// their time moved onto the capture clock where the offset is known.
/// </summary>
internal static class TimelineSection
{
    /// <summary>
    /// The timeline of the case. <paramref name="ike"/> is the IKE section built from the same
    /// context: its messages, SA by SA in the same order, lend the timeline their time as already
    /// spelled (one string per message instead of two).
    /// </summary>
    public static IReadOnlyList<ReportTimelineEntry> Build(BuildContext context, IkeReport ike)
    {
        var entries = new List<(long SortKey, int Order, ReportTimelineEntry Entry)>(Capacity(context));
        var ikeTexts = new IkeTimelineTexts();
        int listed = 0;
        foreach (CaptureModel capture in context.Case.Captures)
        {
            string input = context.InputName(capture.Input.Index);
            foreach (IkeSa sa in capture.IkeSas)
            {
                if (!context.IsListed(sa))
                {
                    continue;
                }

                IReadOnlyList<ReportIkeMessage>? spelled = listed < ike.Sas.Count && ike.Sas[listed].Messages.Count == sa.Messages.Count ? ike.Sas[listed].Messages : null;
                listed++;
                for (int i = 0; i < sa.Messages.Count; i++)
                {
                    IkeMessage message = sa.Messages[i];
                    Add(message.Frame.Time, Capture(input, "ike", message.Frame, ikeTexts.Of(sa, message), HasErrorNotify(message), spelled?[i].Time));
                }
            }

            foreach (L2tpTunnel tunnel in capture.L2tpTunnels)
            {
                foreach (L2tpControlMessage message in tunnel.ControlMessages)
                {
                    Add(message.Frame.Time, Capture(input, "l2tp", message.Frame, L2tpText(tunnel, message), IsL2tpFailure(message)));
                }

                foreach (L2tpSession session in tunnel.Sessions)
                {
                    AddPppAuthentication(input, session.Ppp);
                }
            }

            foreach (PptpConnection connection in capture.PptpConnections)
            {
                foreach (PptpControlObservation message in connection.ControlMessages)
                {
                    string text = "PPTP " + PptpNames.TypeName(message.Type) + " from " + ReportNames.ClientSide(message.FromClient)
                        + (message.Result is PptpResult result ? " (" + PptpNames.ResultName(message.Type, result.Code, result.Error) + ")" : string.Empty);
                    Add(message.Frame.Time, Capture(input, "pptp", message.Frame, text, false));
                }

                AddPppAuthentication(input, connection.Ppp);
            }

            foreach (EspFlow flow in capture.EspFlows)
            {
                string spi = ReportNames.Spi(flow.Spi);
                string source = context.Values.Endpoint(flow.Source);
                string destination = context.Values.Endpoint(flow.Destination);
                Add(flow.First.Time, Capture(input, "esp", flow.First, $"ESP {spi} {source} → {destination}: first packet", false));
                if (flow.Last.Frame != flow.First.Frame)
                {
                    Add(flow.Last.Time, Capture(input, "esp", flow.Last,
                        string.Create(CultureInfo.InvariantCulture, $"ESP {spi} {source} → {destination}: last packet ({flow.Packets} packets)"), false));
                }
            }
        }

        AddEvents(context, Add);

        entries.Sort(static (a, b) => a.SortKey != b.SortKey ? a.SortKey.CompareTo(b.SortKey) : a.Order.CompareTo(b.Order));
        var timeline = new List<ReportTimelineEntry>(entries.Count);
        foreach ((long _, int _, ReportTimelineEntry entry) in entries)
        {
            timeline.Add(entry);
        }

        return timeline;

        void Add(Timestamp time, ReportTimelineEntry entry) => entries.Add((time.UnixNanoseconds, entries.Count, entry));

        void AddPppAuthentication(string input, Sessions.Ppp.PppSession? ppp)
        {
            if (ppp?.AuthenticationFrame is not FrameRef frame)
            {
                return;
            }

            var text = new StringBuilder("PPP ");
            text.Append(ppp.AuthenticationProtocol?.Name ?? "authentication").Append(' ').Append(ppp.AuthenticationResult is PppAuthenticationResult result ? ReportNames.Kebab(result) : "seen");
            if (ppp.AuthenticationErrorCode is int code)
            {
                text.Append(CultureInfo.InvariantCulture, $" (error {code})");
            }

            Add(frame.Time, Capture(input, "ppp", frame, text.ToString(), ppp.AuthenticationResult == PppAuthenticationResult.Failure));
        }
    }

    private static void AddEvents(BuildContext context, Action<Timestamp, ReportTimelineEntry> add)
    {
        var correlated = new HashSet<EventRecord>(ReferenceEqualityComparer.Instance);
        foreach (CorrelatedEvent tie in context.Case.CorrelatedEvents)
        {
            correlated.Add(tie.Record);
        }

        var offsets = new Dictionary<int, double>();
        foreach (LogClockOffset offset in context.Case.ClockOffsets)
        {
            offsets.TryAdd(offset.LogInputIndex, offset.OffsetSeconds);
        }

        foreach (EventRecord record in context.Case.Events)
        {
            if (record.Time is not Timestamp time || (record.Normalized is null && !correlated.Contains(record)))
            {
                continue;
            }

            Timestamp? corrected = offsets.TryGetValue(record.InputIndex, out double seconds) ? time.AddSeconds(-seconds) : null;
            add(corrected ?? time, new ReportTimelineEntry
            {
                Time = ReportNames.Time(time),
                CorrectedTime = ReportNames.Time(corrected),
                Input = context.InputName(record.InputIndex),
                Source = "event",
                Record = record.RecordId,
                Text = context.Values.Text(EventText(record)),
                Failure = record.Normalized?.IsFailure ?? false,
            });
        }
    }

    /// <summary>How many entries the case gives at most (the list of a large capture is sized once, not doubled).</summary>
    private static int Capacity(BuildContext context)
    {
        // Log records are left out: only the few that mean something join, and a large log would size the list for every record.
        long count = 0;
        foreach (CaptureModel capture in context.Case.Captures)
        {
            foreach (IkeSa sa in capture.IkeSas)
            {
                count += sa.Messages.Count;
            }

            foreach (L2tpTunnel tunnel in capture.L2tpTunnels)
            {
                count += tunnel.ControlMessages.Count + tunnel.Sessions.Count;
            }

            foreach (PptpConnection connection in capture.PptpConnections)
            {
                count += connection.ControlMessages.Count + 1;
            }

            count += 2L * capture.EspFlows.Count;
        }

        return (int)Math.Min(count, 1 << 24);
    }

    private static ReportTimelineEntry Capture(string input, string source, FrameRef frame, string text, bool failure, string? time = null) => new()
    {
        Time = time ?? ReportNames.Time(frame.Time),
        Input = input,
        Source = source,
        Frame = frame.Frame,
        Text = text,
        Failure = failure,
    };

    private static bool HasErrorNotify(IkeMessage message)
    {
        foreach (IkeNotifyObservation notify in message.Notifies)
        {
            if (notify.IsError)
            {
                return true;
            }
        }

        return false;
    }

    private static string L2tpText(L2tpTunnel tunnel, L2tpControlMessage message)
    {
        string direction = message.From == tunnel.Client ? "client → server" : "server → client";
        string text = string.Create(CultureInfo.InvariantCulture, $"L2TP {L2tpMessageTypes.Name(message.MessageType)} {direction} Ns={message.Ns} Nr={message.Nr}");
        return message.Retransmission ? text + " (retransmission)" : text;
    }

    private static bool IsL2tpFailure(L2tpControlMessage message) => message.MessageType is L2tpMessageType.StopControlConnectionNotification or L2tpMessageType.CallDisconnectNotify && HasErrorResult(message);

    private static bool HasErrorResult(L2tpControlMessage message)
    {
        foreach (L2tpAvpValue avp in message.Avps)
        {
            // Result Code AVP (type 1): a general error or anything but "normal" ends in failure.
            if (avp.VendorId == 0 && avp.Type == 1)
            {
                return true;
            }
        }

        return false;
    }

    private static string EventText(EventRecord record)
    {
        var text = new StringBuilder();
        text.Append(record.Provider ?? "log");
        if (record.EventId != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {record.EventId}");
        }

        if (record.Normalized is NormalizedEvent normalized)
        {
            text.Append(": ").Append(normalized.Kind);
            if (normalized.Code is long code)
            {
                text.Append(CultureInfo.InvariantCulture, $" code {code}");
            }

            if (normalized.CodeMeaning is not null)
            {
                text.Append(" (").Append(normalized.CodeMeaning).Append(')');
            }
        }
        else if (record.Message is not null)
        {
            text.Append(": ").Append(record.Message.Length > 160 ? record.Message[..160] + "…" : record.Message);
        }

        return text.ToString();
    }
}
