using System.Globalization;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;

namespace Analyzer.Correlation.Events;

/// <summary>
/// Ties normalised log records to what the captures show. First by identifiers that cannot be
/// confused (IKE cookies from 4653/4654 or charon's SPIs; ESP SPIs); cookie pairs give each log's
/// clock offset against each capture (median of the pairs, robust to the odd late event). Then by
/// endpoints and time, with the log's time corrected by that offset; where no cookie pair exists,
/// these pairs give the offset. Of several captures, those whose best match lies within
/// <see cref="SameEventTolerance"/> of the overall best keep the record (two vantage points of one
/// exchange), the others do not.
/// </summary>
public static class EventCorrelator
{
    /// <summary>How far outside an IKE SA's first and last message a record may lie and still belong to it.</summary>
    public static TimeSpan DefaultWindow { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Captures whose best match is this much farther than the best capture's are taken to show another exchange.</summary>
    public static TimeSpan SameEventTolerance { get; } = TimeSpan.FromSeconds(2);

    public static EventCorrelationResult Correlate(IReadOnlyList<CaptureModel> captures, IReadOnlyList<EventRecord> records) =>
        Correlate(captures, records, DefaultWindow);

    public static EventCorrelationResult Correlate(IReadOnlyList<CaptureModel> captures, IReadOnlyList<EventRecord> records, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(records);
        var result = new EventCorrelationResult();
        var byCookie = new Dictionary<ulong, List<(CaptureModel Capture, IkeSa Sa)>>();
        var bySpi = new Dictionary<uint, List<(CaptureModel Capture, EspFlow Flow)>>();
        foreach (CaptureModel capture in captures)
        {
            foreach (IkeSa sa in capture.IkeSas)
            {
                Add(byCookie, sa.InitiatorCookie, (capture, sa));
            }

            foreach (EspFlow flow in capture.EspFlows)
            {
                Add(bySpi, flow.Spi, (capture, flow));
            }
        }

        // Pass 1: identifiers.
        var pending = new List<EventRecord>();
        var exact = new Dictionary<(int Log, int Capture), List<double>>();
        foreach (EventRecord record in records)
        {
            if (record.Normalized is not NormalizedEvent normalized)
            {
                continue;
            }

            int before = result.Events.Count;
            ByCookies(record, normalized, byCookie, result.Events);
            if (result.Events.Count == before)
            {
                BySpi(record, normalized, bySpi, result.Events);
            }

            if (result.Events.Count == before)
            {
                pending.Add(record);
                continue;
            }

            for (int i = before; i < result.Events.Count; i++)
            {
                // An ESP flow's first or last packet says little about when a log line was written:
                // only cookie pairs measure the clock.
                if (result.Events[i].How == CorrelationMethod.Cookies)
                {
                    CollectOffset(result.Events[i], exact);
                }
            }
        }

        // Pass 2: endpoints and time, corrected by the offsets found so far.
        var loose = new Dictionary<(int Log, int Capture), List<double>>();
        foreach (EventRecord record in pending)
        {
            int before = result.Events.Count;
            ByEndpoints(record, record.Normalized!, captures, exact, window, result.Events);
            for (int i = before; i < result.Events.Count; i++)
            {
                CollectOffset(result.Events[i], loose);
            }
        }

        foreach (((int log, int capture), List<double> offsets) in exact)
        {
            result.Offsets.Add(new LogClockOffset(log, capture, Median(offsets), offsets.Count));
        }

        foreach (((int log, int capture), List<double> offsets) in loose)
        {
            if (!exact.ContainsKey((log, capture)))
            {
                result.Offsets.Add(new LogClockOffset(log, capture, Median(offsets), offsets.Count));
            }
        }

        result.Offsets.Sort((a, b) => a.LogInputIndex != b.LogInputIndex ? a.LogInputIndex.CompareTo(b.LogInputIndex) : a.CaptureInputIndex.CompareTo(b.CaptureInputIndex));
        return result;
    }

    private static void ByCookies(EventRecord record, NormalizedEvent normalized, Dictionary<ulong, List<(CaptureModel, IkeSa)>> byCookie, List<CorrelatedEvent> events)
    {
        if (normalized.InitiatorCookie is not ulong cookie || cookie == 0 || !byCookie.TryGetValue(cookie, out List<(CaptureModel, IkeSa)>? candidates))
        {
            return;
        }

        foreach ((_, IkeSa sa) in candidates)
        {
            if (normalized.ResponderCookie is ulong responder && responder != 0 && sa.ResponderCookie != 0 && responder != sa.ResponderCookie)
            {
                continue;
            }

            IkeMessage? message = NearestMessage(sa, normalized, record.Time);
            events.Add(new CorrelatedEvent(record, message?.Frame ?? sa.FirstFrame, sa, CorrelationMethod.Cookies, Offset(record.Time, message?.Frame ?? sa.FirstFrame)));
        }
    }

    private static void BySpi(EventRecord record, NormalizedEvent normalized, Dictionary<uint, List<(CaptureModel, EspFlow)>> bySpi, List<CorrelatedEvent> events)
    {
        bool hex = record.EventId == 0; // daemons print SPIs in hex; Windows events in decimal unless prefixed
        foreach (string key in (string[])["inboundSpi", "outboundSpi", "spi"])
        {
            if (!normalized.Fields.TryGetValue(key, out string? text) || !TryParseSpi(text, hex, out uint spi)
                || !bySpi.TryGetValue(spi, out List<(CaptureModel, EspFlow)>? flows))
            {
                continue;
            }

            foreach ((CaptureModel capture, EspFlow flow) in flows)
            {
                IkeSa? sa = flow.IkeSa;
                FrameRef frame = record.Time is Timestamp t && Math.Abs(t.SecondsSince(flow.Last.Time)) < Math.Abs(t.SecondsSince(flow.First.Time)) ? flow.Last : flow.First;
                events.Add(new CorrelatedEvent(record, frame, sa, CorrelationMethod.Spi, Offset(record.Time, frame)));
            }

            return;
        }
    }

    private static void ByEndpoints(EventRecord record, NormalizedEvent normalized, IReadOnlyList<CaptureModel> captures,
        Dictionary<(int, int), List<double>> offsets, TimeSpan window, List<CorrelatedEvent> events)
    {
        if (normalized.RemoteAddress is null && normalized.LocalAddress is null)
        {
            return;
        }

        if (record.Time is not Timestamp time)
        {
            ByEndpointsOnly(record, normalized, captures, events);
            return;
        }

        var matches = new List<(CorrelatedEvent Event, double Distance)>();
        foreach (CaptureModel capture in captures)
        {
            double correction = offsets.TryGetValue((record.InputIndex, capture.Input.Index), out List<double>? known) ? Median(known) : 0;
            Timestamp corrected = time.AddSeconds(-correction);
            IkeSa? best = null;
            IkeMessage? bestMessage = null;
            double bestDistance = double.MaxValue;
            foreach (IkeSa sa in capture.IkeSas)
            {
                if (!AddressesMatch(normalized, sa.Initiator.Address, sa.Responder.Address) || sa.Messages.Count == 0)
                {
                    continue;
                }

                if (corrected.SecondsSince(sa.FirstFrame.Time) < -window.TotalSeconds || corrected.SecondsSince(sa.LastFrame.Time) > window.TotalSeconds)
                {
                    continue;
                }

                IkeMessage? message = NearestMessage(sa, normalized, corrected);
                if (message is null)
                {
                    continue;
                }

                double distance = Math.Abs(corrected.SecondsSince(message.Frame.Time));
                if (distance < bestDistance)
                {
                    (best, bestMessage, bestDistance) = (sa, message, distance);
                }
            }

            if (best is not null && bestMessage is not null)
            {
                matches.Add((new CorrelatedEvent(record, bestMessage.Frame, best, CorrelationMethod.EndpointsAndTime, Offset(record.Time, bestMessage.Frame)), bestDistance));
            }
        }

        double overall = double.MaxValue;
        foreach ((_, double distance) in matches)
        {
            overall = Math.Min(overall, distance);
        }

        foreach ((CorrelatedEvent correlated, double distance) in matches)
        {
            if (distance <= overall + SameEventTolerance.TotalSeconds)
            {
                events.Add(correlated);
            }
        }
    }

    /// <summary>Lines without a time (xl2tpd in the foreground) can still name the peer: tie them to that L2TP tunnel.</summary>
    private static void ByEndpointsOnly(EventRecord record, NormalizedEvent normalized, IReadOnlyList<CaptureModel> captures, List<CorrelatedEvent> events)
    {
        foreach (CaptureModel capture in captures)
        {
            foreach (L2tpTunnel tunnel in capture.L2tpTunnels)
            {
                if (AddressesMatch(normalized, tunnel.Client.Address, tunnel.Server.Address) && tunnel.ControlMessages.Count > 0)
                {
                    events.Add(new CorrelatedEvent(record, tunnel.ControlMessages[0].Frame, null, CorrelationMethod.Endpoints, null));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Every address the record names must be one of the SA's; a record naming a private local
    /// address behind NAT still matches on its remote address alone.
    /// </summary>
    private static bool AddressesMatch(NormalizedEvent normalized, NetAddress a, NetAddress b)
    {
        bool remote = normalized.RemoteAddress is not NetAddress r || r == a || r == b;
        bool local = normalized.LocalAddress is not NetAddress l || l == a || l == b || (l.IsPrivate && normalized.RemoteAddress is not null);
        return remote && local && (normalized.RemoteAddress is not null || normalized.LocalAddress is not null);
    }

    /// <summary>
    /// The SA's message closest in time; for a daemon's "received/sent packet" line, only messages in that
    /// direction between those ports count.
    /// </summary>
    private static IkeMessage? NearestMessage(IkeSa sa, NormalizedEvent normalized, Timestamp? time)
    {
        IkeMessage? best = null;
        double bestDistance = double.MaxValue;
        bool received = normalized.Signal == DaemonSignal.PacketReceived;
        bool directional = (received || normalized.Signal == DaemonSignal.PacketSent)
            && normalized.RemotePort is not null && normalized.RemoteAddress is not null;
        foreach (IkeMessage message in sa.Messages)
        {
            if (directional)
            {
                NetEndpoint remote = received ? message.From : message.To;
                if (remote.Address != normalized.RemoteAddress || remote.Port != normalized.RemotePort)
                {
                    continue;
                }
            }

            double distance = time is Timestamp t ? Math.Abs(t.SecondsSince(message.Frame.Time)) : message.Frame.Frame;
            if (distance < bestDistance)
            {
                (best, bestDistance) = (message, distance);
            }
        }

        if (best is null && directional)
        {
            return null;
        }

        return best;
    }

    private static bool TryParseSpi(string text, bool hex, out uint spi)
    {
        string trimmed = text.Trim();
        if (trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return uint.TryParse(trimmed.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out spi);
        }

        return hex
            ? uint.TryParse(trimmed, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out spi)
            : uint.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out spi);
    }

    private static double? Offset(Timestamp? recordTime, FrameRef frame) =>
        recordTime is Timestamp t && frame.Time.UnixNanoseconds != 0 ? t.SecondsSince(frame.Time) : null;

    private static void CollectOffset(CorrelatedEvent correlated, Dictionary<(int, int), List<double>> offsets)
    {
        if (correlated.OffsetSeconds is not double offset || correlated.Frame is not FrameRef frame)
        {
            return;
        }

        int captureIndex = frame.InputIndex;
        if (captureIndex < 0)
        {
            return;
        }

        Add(offsets, (correlated.Record.InputIndex, captureIndex), offset);
    }

    private static double Median(List<double> values)
    {
        var sorted = new List<double>(values);
        sorted.Sort();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out List<TValue>? list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
