using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// xl2tpd's lines join the attempt whose L2TP they describe: its tunnel and call lines name the peer
/// ("Connection established to A, 1701", "Call established with A", "Connection closed to A",
/// "Maximum retries exceeded" after "Connecting to host A"), and that address is one end of exactly
/// one attempt (its IKE SA in a capture, or what its daemon logs name); where the lines carry times,
/// the attempt that started last before them. Lines naming no address (pppd's exit, "control_finish")
/// belong to the peer named last above them in the same log. A peer two attempts share, with no time
/// to choose, leaves the lines unattached rather than guessed.
/// </summary>
internal static class L2tpLogJoin
{
    private const string Provider = "xl2tpd";

    /// <summary>How much earlier than its attempt's start an L2TP line may be stamped (clock skew between the daemons' hosts).</summary>
    private const double Skew = 2;

    public static void Attach(IReadOnlyList<EventRecord> events, IReadOnlyList<ConnectionAttempt> attempts, AttemptSet set, Action<ConnectionAttempt, EventRecord> add)
    {
        if (attempts.Count == 0)
        {
            return;
        }

        var groups = new Dictionary<(int Input, NetAddress Peer), List<EventRecord>>();
        var peers = new Dictionary<int, NetAddress>();
        foreach (EventRecord record in events)
        {
            if (record.Provider != Provider || record.Normalized is not NormalizedEvent normalized)
            {
                continue;
            }

            if (normalized.RemoteAddress is NetAddress named)
            {
                peers[record.InputIndex] = named;
            }

            if (set.Of(record) is null && peers.TryGetValue(record.InputIndex, out NetAddress peer))
            {
                var key = (record.InputIndex, peer);
                if (!groups.TryGetValue(key, out List<EventRecord>? list))
                {
                    groups[key] = list = [];
                }

                list.Add(record);
            }
        }

        if (groups.Count == 0)
        {
            return;
        }

        // The attempts by each end address, once per run: rebuilding every attempt's ends for each
        // peer group cost attempts × groups (many xl2tpd logs beside a large capture). Built before
        // any line is attached, so which group is read first cannot change another group's owner.
        Dictionary<NetAddress, List<ConnectionAttempt>> byEnd = ByEnd(attempts);
        foreach (((int _, NetAddress peer), List<EventRecord> group) in groups)
        {
            if (Owner(group, byEnd.GetValueOrDefault(peer) ?? []) is ConnectionAttempt owner)
            {
                foreach (EventRecord record in group)
                {
                    add(owner, record);
                }

                // Say how the log joined, as a log joined by SPIs or addresses does.
                int at = owner.Views.FindIndex(v => v.InputIndex == group[0].InputIndex);
                if (at > 0 && owner.Views[at].Match is null)
                {
                    owner.Views[at] = owner.Views[at] with
                    {
                        // No address in the text: a view's match text is not redacted as an address field is.
                        Match = new AttemptEvidence(EvidenceKind.Derived, "xl2tpd's lines name this attempt's peer (its tunnel and call lines' address is one end of it)"),
                    };
                }
            }
        }
    }

    private static ConnectionAttempt? Owner(List<EventRecord> group, List<ConnectionAttempt> candidates)
    {
        if (candidates.Count <= 1)
        {
            return candidates.FirstOrDefault();
        }

        Timestamp first = group.Select(r => r.Time).OfType<Timestamp>().DefaultIfEmpty().Min();
        if (first == default || candidates.Exists(a => a.Start == default))
        {
            return null;
        }

        return candidates.Where(a => first.SecondsSince(a.Start) >= -Skew).OrderByDescending(a => a.Start).FirstOrDefault();
    }

    /// <summary>Each end address with the attempts it is an end of, in the attempts' order.</summary>
    internal static Dictionary<NetAddress, List<ConnectionAttempt>> ByEnd(IReadOnlyList<ConnectionAttempt> attempts)
    {
        var byEnd = new Dictionary<NetAddress, List<ConnectionAttempt>>();
        foreach (ConnectionAttempt attempt in attempts)
        {
            foreach (NetAddress end in Ends(attempt))
            {
                if (!byEnd.TryGetValue(end, out List<ConnectionAttempt>? list))
                {
                    byEnd[end] = list = [];
                }

                list.Add(attempt);
            }
        }

        return byEnd;
    }

    /// <summary>Every address the attempt's inputs name for its ends: its IKE SAs' in each capture, and its log lines' own and peer addresses.</summary>
    private static HashSet<NetAddress> Ends(ConnectionAttempt attempt)
    {
        var ends = new HashSet<NetAddress>();
        if (attempt.Client is NetEndpoint client)
        {
            ends.Add(client.Address);
        }

        if (attempt.Server is NetEndpoint server)
        {
            ends.Add(server.Address);
        }

        foreach (IkeSa sa in attempt.Sas)
        {
            ends.Add(sa.Initiator.Address);
            ends.Add(sa.Responder.Address);
        }

        foreach (EventRecord record in attempt.Records)
        {
            if (record.Normalized?.RemoteAddress is NetAddress remote)
            {
                ends.Add(remote);
            }

            if (record.Normalized?.LocalAddress is NetAddress local)
            {
                ends.Add(local);
            }
        }

        return ends;
    }
}
