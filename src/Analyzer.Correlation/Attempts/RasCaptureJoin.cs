using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Windows RAS events beside captures join the captured attempt they report on (issue 18): a
/// client's dial (RasClient events of one CorrelationId) names the server it dialled (20222, when
/// the user dialled an address rather than a host name), and the RRAS server's RemoteAccess 20271
/// names the client's address. The dial joins the attempt that has that address as one of its ends
/// and whose span (first IKE message to last packet, with <see cref="Slack"/> after it: Windows
/// reports 809 after its retransmissions time out) holds the events; with several such attempts, the
/// one that started last before them. The events' stage then fills stages the captures left open
/// (<see cref="LogStageJudge"/>), never one a capture decided. A dial that names no address, or no
/// time, stays unattached rather than guessed.
/// </summary>
internal static class RasCaptureJoin
{
    /// <summary>How long after an attempt's last packet its RAS events may be logged (seconds).</summary>
    private const double Slack = 120;

    /// <summary>How much earlier than its attempt's first packet an event may be stamped (the dial starts before IKE; clocks differ).</summary>
    private const double Skew = 30;

    public static void Attach(IReadOnlyList<EventRecord> events, IReadOnlyList<ConnectionAttempt> captured, AttemptSet set, Action<ConnectionAttempt, EventRecord> add)
    {
        var dials = new Dictionary<(int Input, string Scope), List<EventRecord>>();
        foreach (EventRecord record in events)
        {
            // Records the event correlator already tied stay in their dial: the dial's other events follow them.
            if (WindowsRasFailure.IsRas(record))
            {
                var key = (record.InputIndex, WindowsRasFailure.Scope(record));
                if (!dials.TryGetValue(key, out List<EventRecord>? dial))
                {
                    dials[key] = dial = [];
                }

                dial.Add(record);
            }
        }

        if (dials.Count == 0 || captured.Count == 0)
        {
            return;
        }

        Dictionary<NetAddress, List<ConnectionAttempt>> byEnd = L2tpLogJoin.ByEnd(captured);
        foreach (List<EventRecord> dial in dials.Values)
        {
            ConnectionAttempt? tied = dial.Select(set.Of).FirstOrDefault(a => a is not null);
            if ((tied ?? Owner(dial, byEnd)) is not ConnectionAttempt owner)
            {
                continue;
            }

            foreach (EventRecord record in dial)
            {
                if (set.Of(record) is null)
                {
                    add(owner, record);
                }
            }

            int at = owner.Views.FindIndex(v => v.InputIndex == dial[0].InputIndex);
            if (at >= 0 && owner.Views[at].Match is null)
            {
                owner.Views[at] = owner.Views[at] with
                {
                    // No address in the text: a view's match text is not redacted as an address field is.
                    Match = new AttemptEvidence(EvidenceKind.Derived, WindowsRasFailure.ByClient(dial[0]) == true
                        ? "the RasClient events of this dial name its server and fall within the attempt"
                        : "the RemoteAccess event names its client and falls within the attempt"),
                };
            }
        }
    }

    private static ConnectionAttempt? Owner(List<EventRecord> dial, Dictionary<NetAddress, List<ConnectionAttempt>> byEnd)
    {
        NetAddress? named = dial.Select(r => r.Normalized?.RemoteAddress).FirstOrDefault(a => a is not null);
        Timestamp first = dial.Select(r => r.Time).OfType<Timestamp>().DefaultIfEmpty().Min();
        if (named is not NetAddress address || first == default || !byEnd.TryGetValue(address, out List<ConnectionAttempt>? candidates))
        {
            return null;
        }

        Timestamp last = dial.Select(r => r.Time).OfType<Timestamp>().Max();
        return candidates
            .Where(a => a.Start != default && first.SecondsSince(a.Start) >= -Skew && End(a) is Timestamp end && last.SecondsSince(end) <= Slack)
            .OrderByDescending(a => a.Start)
            .FirstOrDefault();
    }

    /// <summary>The attempt's last packet in any capture; null when no capture holds a packet of it.</summary>
    private static Timestamp? End(ConnectionAttempt attempt)
    {
        Timestamp? end = null;
        foreach (IkeSa sa in attempt.Sas)
        {
            if (sa.Messages.Count > 0 && (end is null || sa.LastFrame.Time > end))
            {
                end = sa.LastFrame.Time;
            }
        }

        foreach (EspFlow flow in attempt.EspFlows)
        {
            if (end is null || flow.Last.Time > end)
            {
                end = flow.Last.Time;
            }
        }

        return end;
    }
}
