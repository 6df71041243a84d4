using System.Globalization;
using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Daemon log lines by the IKE SA they belong to: charon prefixes each line with the SA's unique id
/// (<c>&lt;conn|7&gt;</c>, record data <c>ikeSa</c>) and, where its log shows them, the reader adds the
/// SA's SPIs (data <c>initiatorSpi</c>). A group joins the attempt one of its lines is already tied
/// to, else the attempt with its initiator SPI, else — when it holds a line that decides a stage —
/// becomes an attempt of its own: a log alone yields attempts and stages.
/// </summary>
internal static class DaemonLogGrouping
{
    private const string IkeSaKey = "ikeSa";
    private const string InitiatorSpiKey = "initiatorSpi";
    private const string ResponderSpiKey = "responderSpi";

    public static List<ConnectionAttempt> Attach(IReadOnlyList<EventRecord> events, Dictionary<ulong, ConnectionAttempt> byCookie, AttemptSet set, Action<ConnectionAttempt, EventRecord> add)
    {
        var groups = new Dictionary<(int Input, string Sa), List<EventRecord>>();
        foreach (EventRecord record in events)
        {
            if (record.GetData(IkeSaKey) is string sa)
            {
                var key = (record.InputIndex, sa);
                if (!groups.TryGetValue(key, out List<EventRecord>? list))
                {
                    groups[key] = list = [];
                }

                list.Add(record);
            }
        }

        var created = new List<ConnectionAttempt>();
        foreach (List<EventRecord> group in groups.Values)
        {
            ConnectionAttempt? attempt = group.Select(set.Of).FirstOrDefault(a => a is not null);
            ulong? spi = group.Select(r => Spi(r, InitiatorSpiKey)).FirstOrDefault(s => s is not null);
            if (attempt is null && spi is ulong known)
            {
                attempt = byCookie.GetValueOrDefault(known);
            }

            if (attempt is null && spi is null && groups.Keys.Count(k => k.Input == group[0].InputIndex) == 1)
            {
                attempt = SoleCapturedNegotiation(group, byCookie);
            }

            if (attempt is null)
            {
                if (!group.Any(r => r.Normalized is NormalizedEvent n && LogStageSignals.TryGet(n.Kind, out _, out _)))
                {
                    continue;
                }

                attempt = New(group, spi);
                created.Add(attempt);
                if (spi is ulong cookie)
                {
                    byCookie.TryAdd(cookie, attempt);
                }
            }

            foreach (EventRecord record in group)
            {
                if (set.Of(record) is null)
                {
                    add(attempt, record);
                }
            }
        }

        return created;
    }

    /// <summary>
    /// A log that holds one negotiation and names no SPI (pluto, whack output, charon below
    /// 'ike 4') joins the bundle's only captured negotiation when its lines fall within an hour of
    /// it (or carry no time): the same daemon's view of the same attempt. With several captured
    /// negotiations nothing decides which, and the log stays an attempt of its own.
    /// </summary>
    private static ConnectionAttempt? SoleCapturedNegotiation(List<EventRecord> group, Dictionary<ulong, ConnectionAttempt> byCookie)
    {
        const double Tolerance = 3600;
        List<ConnectionAttempt> captured = byCookie.Values.Where(a => a.Views.Exists(v => v.Sa is not null)).Distinct().ToList();
        if (captured.Count != 1)
        {
            return null;
        }

        ConnectionAttempt only = captured[0];
        Timestamp first = group.Select(r => r.Time).OfType<Timestamp>().DefaultIfEmpty().Min();
        if (first == default)
        {
            return only;
        }

        Timestamp start = only.Sas.Min(sa => sa.FirstFrame.Time);
        Timestamp end = only.Sas.Max(sa => sa.LastFrame.Time);
        return first.SecondsSince(start) >= -Tolerance && end.SecondsSince(first) >= -Tolerance ? only : null;
    }

    private static ConnectionAttempt New(List<EventRecord> group, ulong? spi)
    {
        NormalizedEvent? addressed = group.Select(r => r.Normalized).FirstOrDefault(n => n?.RemoteAddress is not null);
        return new ConnectionAttempt
        {
            InitiatorSpi = spi ?? 0,
            ResponderSpi = group.Select(r => Spi(r, ResponderSpiKey)).FirstOrDefault(s => s is not null) ?? 0,
            Start = group.Select(r => r.Time).OfType<Timestamp>().DefaultIfEmpty().Min(),
            Client = addressed?.RemoteAddress is NetAddress remote ? new NetEndpoint(remote, addressed.RemotePort ?? 500) : null,
            Server = addressed?.LocalAddress is NetAddress local ? new NetEndpoint(local, addressed.LocalPort ?? 500) : null,
        };
    }

    private static ulong? Spi(EventRecord record, string key) =>
        record.GetData(key) is string hex && ulong.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong value) ? value : null;
}
