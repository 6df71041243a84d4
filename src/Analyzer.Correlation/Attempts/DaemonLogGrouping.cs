using System.Globalization;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Sessions.Ike;

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
        // Without captures (a log-only bundle) the logs are all there is: lines that name no IKE SA
        // still make attempts, and what the log says of the IKE version is the attempt's.
        bool logsOnly = byCookie.Count == 0;
        var groups = new Dictionary<(int Input, string Sa), List<EventRecord>>();
        foreach (EventRecord record in events)
        {
            if (Scope(record, logsOnly) is string sa)
            {
                var key = (record.InputIndex, sa);
                if (!groups.TryGetValue(key, out List<EventRecord>? list))
                {
                    groups[key] = list = [];
                }

                list.Add(record);
            }
        }

        var candidates = new List<LogNegotiations.Candidate>();
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

            if (attempt is not null)
            {
                AddAll(attempt, group, set, add);
            }
            else if (group.Any(r => r.Normalized is NormalizedEvent n && LogStageSignals.TryGet(n, r, out _, out _)))
            {
                candidates.Add(new LogNegotiations.Candidate(New(group, spi, logsOnly), group, spi));
            }
        }

        // The logs' own negotiations: one attempt each, however many logs of the bundle hold it.
        var created = new List<ConnectionAttempt>();
        foreach (List<LogNegotiations.Candidate> negotiation in LogNegotiations.Join(candidates))
        {
            ConnectionAttempt attempt = Describe(negotiation);
            created.Add(attempt);
            foreach (LogNegotiations.Candidate member in negotiation)
            {
                if (member.Spi is ulong cookie)
                {
                    byCookie.TryAdd(cookie, attempt);
                }

                AddAll(attempt, member.Group, set, add);
                if (member.Match is AttemptEvidence match)
                {
                    int at = attempt.Views.FindIndex(v => v.InputIndex == member.Input && v.Match is null);
                    if (at >= 0)
                    {
                        attempt.Views[at] = attempt.Views[at] with { Match = match };
                    }
                }
            }
        }

        return created;
    }

    private static void AddAll(ConnectionAttempt attempt, List<EventRecord> group, AttemptSet set, Action<ConnectionAttempt, EventRecord> add)
    {
        foreach (EventRecord record in group)
        {
            if (set.Of(record) is null)
            {
                add(attempt, record);
            }
        }
    }

    /// <summary>
    /// The attempt of one negotiation's logs: the client as the initiator's log saw itself (its own
    /// address, before any NAT), the server as the responder's log saw itself, the earliest start.
    /// </summary>
    /// <summary>Whether the record falls in one of the groups <see cref="Attach"/> makes (a daemon's IKE SA, or its process in a log-only bundle).</summary>
    public static bool Groups(EventRecord record, bool logsOnly) => Scope(record, logsOnly) is not null;

    private static string? Scope(EventRecord record, bool logsOnly) => record.GetData(IkeSaKey) ?? (logsOnly ? ProcessScope(record) : null);

    private static ConnectionAttempt Describe(List<LogNegotiations.Candidate> negotiation)
    {
        ConnectionAttempt attempt = negotiation.Select(c => c.Attempt).FirstOrDefault(a => a.Client is not null && a.Server is not null) ?? negotiation[0].Attempt;
        ConnectionAttempt? initiator = negotiation.FirstOrDefault(c => LogRole.IsInitiator(c.Group) && !LogRole.IsResponder(c.Group) && c.Attempt.Client is not null)?.Attempt;
        ConnectionAttempt? responder = negotiation.FirstOrDefault(c => LogRole.IsResponder(c.Group) && !LogRole.IsInitiator(c.Group) && c.Attempt.Server is not null)?.Attempt;
        attempt.Client = initiator?.Client ?? attempt.Client ?? negotiation.Select(c => c.Attempt.Client).FirstOrDefault(e => e is not null);
        attempt.Server = responder?.Server ?? attempt.Server ?? negotiation.Select(c => c.Attempt.Server).FirstOrDefault(e => e is not null);
        attempt.ServerHost = attempt.Server is null ? negotiation.Select(c => c.Attempt.ServerHost).FirstOrDefault(h => h is not null) : null;
        foreach (ConnectionAttempt other in negotiation.Select(c => c.Attempt))
        {
            attempt.IkeVersion ??= other.IkeVersion;
            attempt.Phase1 = attempt.Phase1 == IkeExchangeKind.Unknown ? other.Phase1 : attempt.Phase1;
            attempt.InitiatorSpi = attempt.InitiatorSpi == 0 ? other.InitiatorSpi : attempt.InitiatorSpi;
            attempt.ResponderSpi = attempt.ResponderSpi == 0 ? other.ResponderSpi : attempt.ResponderSpi;
            if (other.Start != default && (attempt.Start == default || other.Start < attempt.Start))
            {
                attempt.Start = other.Start;
            }
        }

        return attempt;
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

    /// <summary>
    /// A charon line written without <c>ike_name</c> (syslog's default) or a pluto line without a state
    /// serial names no IKE SA: its daemon process stands in, so such a log still yields attempts (its
    /// IKE SAs in one, where the log cannot tell them apart). A Windows RAS event's dial stands in the
    /// same way (<see cref="WindowsRasFailure.Scope"/>). xl2tpd and pppd lines join attempts by time.
    /// </summary>
    private static string? ProcessScope(EventRecord record) =>
        record.Provider is "charon" or "pluto" && record.Normalized is not null ? "pid:" + record.Provider + "/" + (record.GetData("pid") ?? "")
        : WindowsRasFailure.IsRas(record) ? WindowsRasFailure.Scope(record) : null;

    private static ConnectionAttempt New(List<EventRecord> group, ulong? spi, bool logsOnly)
    {
        // The remote end of the log's first line naming one: the client in a responder's log, the server in an initiator's.
        // A daemon that logs no port spoke IKE on 500; a RAS event's protocol is not known, so neither is its port (0: none shown).
        ushort port = group.TrueForAll(WindowsRasFailure.IsRas) ? (ushort)0 : (ushort)500;
        NormalizedEvent? addressed = group.Select(r => r.Normalized).FirstOrDefault(n => n?.RemoteAddress is not null);
        NetEndpoint? remote = addressed?.RemoteAddress is NetAddress peer ? new NetEndpoint(peer, addressed.RemotePort ?? port) : null;
        NetEndpoint? local = group.Select(r => r.Normalized).FirstOrDefault(n => n?.LocalAddress is not null) is { LocalAddress: NetAddress own } named
            ? new NetEndpoint(own, named.LocalPort ?? port) : null;
        bool initiator = LogRole.IsInitiator(group) && !LogRole.IsResponder(group);
        string? mode = group.Select(r => r.Normalized?.Fields.GetValueOrDefault("mode")).FirstOrDefault(m => m is "Main" or "Aggressive" or "IKE");
        return new ConnectionAttempt
        {
            InitiatorSpi = spi ?? 0,
            ResponderSpi = group.Select(r => Spi(r, ResponderSpiKey)).FirstOrDefault(s => s is not null) ?? 0,
            Start = group.Select(r => r.Time).OfType<Timestamp>().DefaultIfEmpty().Min(),
            Client = initiator ? local : remote,
            Server = initiator ? remote : local,
            ServerHost = initiator && remote is null ? group.Select(r => r.Normalized?.RemoteHost).FirstOrDefault(h => h is not null) : null,
            IkeVersion = logsOnly ? mode switch { "Main" or "Aggressive" => 1, "IKE" => 2, _ => null } : null,
            Phase1 = mode switch { "Main" => IkeExchangeKind.MainMode, "Aggressive" => IkeExchangeKind.AggressiveMode, "IKE" => IkeExchangeKind.IkeSaInit, _ => IkeExchangeKind.Unknown },
        };
    }

    private static ulong? Spi(EventRecord record, string key) =>
        record.GetData(key) is string hex && ulong.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong value) ? value : null;
}
