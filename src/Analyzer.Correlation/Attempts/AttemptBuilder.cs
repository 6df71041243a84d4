using Analyzer.Core;
using Analyzer.Correlation.Events;
using Analyzer.Correlation.Paths;
using Analyzer.EventLogs;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Builds the bundle's connection attempts once, from what the earlier stages answered: IKE SAs
/// keyed by initiator cookie / SPI across captures (the same SA in two captures is one attempt with
/// two views), vantage points from <see cref="PathComparer"/>, ESP flows by the SA the session stage
/// paired them with, L2TP tunnels by address pair and time, log records by
/// <see cref="EventCorrelator"/>'s ties (else their own cookies). Every lookup is a dictionary: no
/// pass over all attempts per item.
/// </summary>
public static class AttemptBuilder
{
    public static AttemptSet Build(
        IReadOnlyList<CaptureModel> captures,
        IReadOnlyList<EventRecord> events,
        IReadOnlyList<CorrelatedEvent> correlated,
        IReadOnlyList<PathComparison> paths)
    {
        var set = new AttemptSet();
        var byCookie = new Dictionary<ulong, ConnectionAttempt>();
        VantageRoles roles = VantageRoles.From(paths);

        foreach (CaptureModel capture in captures)
        {
            foreach (IkeSa sa in capture.IkeSas)
            {
                if (!byCookie.TryGetValue(sa.InitiatorCookie, out ConnectionAttempt? attempt))
                {
                    attempt = new ConnectionAttempt { InitiatorSpi = sa.InitiatorCookie, IkeVersion = sa.Version, Phase1 = sa.Phase1 };
                    byCookie.Add(sa.InitiatorCookie, attempt);
                }

                attempt.Views.Add(new AttemptView(capture.Input.Index, roles.RoleOf(capture.Input.Index, sa.InitiatorCookie), sa));
                set.Own(sa, attempt);
            }
        }

        AttachEsp(captures, byCookie, set);
        List<ConnectionAttempt> tunnelOnly = AttachTunnels(captures, byCookie.Values, set);
        List<ConnectionAttempt> logOnly = AttachRecords(events, correlated, byCookie, set);
        var captured = new HashSet<ConnectionAttempt>(byCookie.Values);
        logOnly.AddRange(DaemonLogGrouping.Attach(events, byCookie, set, (attempt, record) => Add(attempt, record, set)));

        var windows = captures.ToDictionary(c => c.Input.Index, c => (c.Statistics.FirstTime, c.Statistics.LastTime));
        foreach (ConnectionAttempt attempt in captured)
        {
            Describe(attempt);
            MessageMerger.Merge(attempt, windows);
        }

        // xl2tpd's lines by the peer they name, once every attempt knows its ends.
        L2tpLogJoin.Attach(events, captured.Concat(logOnly).Distinct().ToList(), set, (attempt, record) => Add(attempt, record, set));
        // Windows RAS events by the address they name and their time: a dial or rejection the captures also show.
        RasCaptureJoin.Attach(events, captured.ToList(), set, (attempt, record) => Add(attempt, record, set));

        set.Attempts.AddRange(captured.Concat(tunnelOnly).Concat(logOnly).Distinct().OrderBy(a => a.Start).ThenBy(a => a.InitiatorSpi));
        foreach (ConnectionAttempt attempt in set.Attempts)
        {
            ViewReconciler.Reconcile(attempt, paths);
            IkeStageJudge.Judge(attempt);
            InnerStageJudge.Judge(attempt, windows);
            LogStageJudge.Judge(attempt);
            FailureLocator.Locate(attempt);
            SnapLengthBlindness.Mark(attempt, captures);
        }

        for (int i = 0; i < set.Attempts.Count; i++)
        {
            set.Attempts[i].Id = "A" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        AttemptRelations.Relate(set.Attempts);
        return set;
    }

    /// <summary>Endpoints from the client-side view (the client's own address), the start from the earliest sighting.</summary>
    private static void Describe(ConnectionAttempt attempt)
    {
        IkeSa first = (attempt.ViewAt(VantageRoles.Client) ?? attempt.Views[0]).Sa!;
        attempt.Client = first.Initiator;
        attempt.Server = (attempt.ViewAt(VantageRoles.Server) ?? attempt.Views[0]).Sa!.Responder;
        attempt.ResponderSpi = attempt.Sas.Select(s => s.ResponderCookie).FirstOrDefault(c => c != 0);
        attempt.Phase1 = attempt.Sas.Select(s => s.Phase1).FirstOrDefault(p => p != IkeExchangeKind.Unknown);
        attempt.Start = attempt.Sas.Where(s => s.Messages.Count > 0).Select(s => s.FirstFrame.Time).DefaultIfEmpty().Min();
    }

    /// <summary>ESP flows by the SA the session stage tied them to (its cookie, else a child SPI of the SA).</summary>
    private static void AttachEsp(IReadOnlyList<CaptureModel> captures, Dictionary<ulong, ConnectionAttempt> byCookie, AttemptSet set)
    {
        var bySpi = new Dictionary<uint, ConnectionAttempt>();
        foreach (ConnectionAttempt attempt in byCookie.Values)
        {
            foreach (IkeSa sa in attempt.Sas)
            {
                foreach (uint spi in sa.ChildSpis)
                {
                    bySpi.TryAdd(spi, attempt);
                }
            }
        }

        foreach (CaptureModel capture in captures)
        {
            foreach (EspFlow flow in capture.EspFlows)
            {
                ConnectionAttempt? attempt = flow.IkeSaCookie is ulong cookie ? byCookie.GetValueOrDefault(cookie) : null;
                attempt ??= bySpi.GetValueOrDefault(flow.Spi);
                if (attempt is not null)
                {
                    attempt.EspFlows.Add(flow);
                    set.Own(flow, attempt);
                }
            }
        }
    }

    /// <summary>
    /// A tunnel decrypted from ESP belongs to the attempt of the SA that carried it (its Carrier, else the
    /// attempt owning that ESP flow); a clear one to the latest
    /// attempt between the same two addresses, in the same capture, that started before it; a tunnel
    /// with neither is an attempt of its own (L2TP without IPsec).
    /// </summary>
    private static List<ConnectionAttempt> AttachTunnels(IReadOnlyList<CaptureModel> captures, IEnumerable<ConnectionAttempt> attempts, AttemptSet set)
    {
        var byPair = new Dictionary<(int Input, NetAddress A, NetAddress B), List<ConnectionAttempt>>();
        foreach (ConnectionAttempt attempt in attempts)
        {
            foreach (AttemptView view in attempt.Views)
            {
                IkeSa sa = view.Sa!;
                var key = Pair(view.InputIndex, sa.Initiator.Address, sa.Responder.Address);
                if (!byPair.TryGetValue(key, out List<ConnectionAttempt>? list))
                {
                    list = [];
                    byPair.Add(key, list);
                }

                list.Add(attempt);
            }
        }

        // A tunnel decrypted from ESP belongs to the attempt whose SA keyed that ESP, whatever its inner
        // addresses (behind a NAT the server's capture shows the client's private address inside). The
        // session stage answers which SA that is (L2tpTunnel.Carrier); only where its capture holds no
        // owner of the flow (the SA negotiated before the capture, seen in another one) does the
        // ESP SPI, tied to an attempt across captures, decide.
        var byEsp = new Dictionary<(int Input, uint Spi), ConnectionAttempt>();
        foreach (ConnectionAttempt attempt in attempts)
        {
            foreach (EspFlow flow in attempt.EspFlows)
            {
                byEsp.TryAdd((flow.First.InputIndex, flow.Spi), attempt);
            }
        }

        var alone = new Dictionary<(ushort, ushort, ushort), ConnectionAttempt>();
        var created = new List<ConnectionAttempt>();
        foreach (CaptureModel capture in captures)
        {
            foreach (L2tpTunnel tunnel in capture.L2tpTunnels)
            {
                ConnectionAttempt? owner = tunnel.Carrier is IkeSa carrier ? set.Of(carrier)
                    : tunnel.EspSpi is uint spi ? byEsp.GetValueOrDefault((capture.Input.Index, spi)) : null;
                if (owner is null && byPair.TryGetValue(Pair(capture.Input.Index, tunnel.Client.Address, tunnel.Server.Address), out List<ConnectionAttempt>? candidates))
                {
                    Timestamp ownerStart = default;
                    foreach (ConnectionAttempt candidate in candidates)
                    {
                        Timestamp start = FirstSeen(candidate, capture.Input.Index);
                        if (start <= tunnel.FirstFrame.Time && (owner is null || start > ownerStart))
                        {
                            (owner, ownerStart) = (candidate, start);
                        }
                    }
                }

                if (owner is null)
                {
                    // The same tunnel seen by two captures: the tunnel ids and the server's port tie them.
                    var key = (tunnel.ClientTunnelId, tunnel.ServerTunnelId, tunnel.Server.Port);
                    if (!alone.TryGetValue(key, out owner))
                    {
                        owner = new ConnectionAttempt { Client = tunnel.Client, Server = tunnel.Server, Start = tunnel.FirstFrame.Time };
                        alone.Add(key, owner);
                        created.Add(owner);
                    }

                    owner.Views.Add(new AttemptView(capture.Input.Index, VantageRoles.Capture, null));
                }

                owner.L2tpTunnels.Add(tunnel);
                set.Own(tunnel, owner);
            }
        }

        return created;
    }

    /// <summary>
    /// Log records: by the correlator's tie to an SA, else by the cookie the record carries; records
    /// with a cookie no capture shows make attempts of their own (a log-only bundle).
    /// </summary>
    private static List<ConnectionAttempt> AttachRecords(IReadOnlyList<EventRecord> events, IReadOnlyList<CorrelatedEvent> correlated, Dictionary<ulong, ConnectionAttempt> byCookie, AttemptSet set)
    {
        foreach (CorrelatedEvent tie in correlated)
        {
            if (tie.Sa is IkeSa sa && set.Of(sa) is ConnectionAttempt attempt && set.Of(tie.Record) is null)
            {
                Add(attempt, tie.Record, set);
            }
        }

        var created = new List<ConnectionAttempt>();
        var logOnly = new Dictionary<ulong, ConnectionAttempt>();
        bool logsOnly = byCookie.Count == 0;
        foreach (EventRecord record in events)
        {
            if (set.Of(record) is not null || record.Normalized?.InitiatorCookie is not ulong cookie)
            {
                continue;
            }

            if (!byCookie.TryGetValue(cookie, out ConnectionAttempt? attempt) && DaemonLogGrouping.Groups(record, logsOnly))
            {
                // A daemon's line of an IKE SA no capture shows: its SA's lines become one candidate
                // there, joined with the other logs' candidates of the same negotiation.
                continue;
            }

            if (attempt is null && !logOnly.TryGetValue(cookie, out attempt))
            {
                NormalizedEvent normalized = record.Normalized;
                attempt = new ConnectionAttempt
                {
                    InitiatorSpi = cookie,
                    ResponderSpi = normalized.ResponderCookie ?? 0,
                    IkeVersion = KeyingModuleVersion(normalized),
                    Start = record.Time ?? default,
                    Client = normalized.RemoteAddress is NetAddress remote ? new NetEndpoint(remote, normalized.RemotePort ?? 500) : null,
                    Server = normalized.LocalAddress is NetAddress local ? new NetEndpoint(local, normalized.LocalPort ?? 500) : null,
                };
                logOnly.Add(cookie, attempt);
                created.Add(attempt);
            }

            Add(attempt, record, set);
        }

        return created;
    }

    private static void Add(ConnectionAttempt attempt, EventRecord record, AttemptSet set)
    {
        attempt.Records.Add(record);
        set.Own(record, attempt);
        if (!attempt.Views.Any(v => v.InputIndex == record.InputIndex))
        {
            attempt.Views.Add(new AttemptView(record.InputIndex, VantageRoles.Log, null));
        }

        if (attempt.Start == default || (record.Time is Timestamp time && attempt.Sas.All(s => s.Messages.Count == 0) && time < attempt.Start))
        {
            attempt.Start = record.Time ?? attempt.Start;
        }
    }

    /// <summary>
    /// The IKE version a Windows IPsec audit event's keying module names where the export rendered it
    /// ("IKEv1", "IKEv2"); an unrendered message-table id (%%8222) or AuthIP (Microsoft's own keying
    /// protocol) names none, and the attempt reads "IKE (version unknown)".
    /// </summary>
    private static int? KeyingModuleVersion(NormalizedEvent normalized) =>
        normalized.Fields.GetValueOrDefault("keyModule")?.Trim() switch
        {
            string text when text.Equals("IKEv1", StringComparison.OrdinalIgnoreCase) => 1,
            string text when text.Equals("IKEv2", StringComparison.OrdinalIgnoreCase) => 2,
            _ => null,
        };

    /// <summary>When the given capture first saw the attempt's IKE SA.</summary>
    private static Timestamp FirstSeen(ConnectionAttempt attempt, int input)
    {
        foreach (AttemptView view in attempt.Views)
        {
            if (view.InputIndex == input && view.Sa is { Messages.Count: > 0 } sa)
            {
                return sa.FirstFrame.Time;
            }
        }

        return default;
    }

    private static (int, NetAddress, NetAddress) Pair(int input, NetAddress a, NetAddress b) =>
        a.CompareTo(b) <= 0 ? (input, a, b) : (input, b, a);
}
