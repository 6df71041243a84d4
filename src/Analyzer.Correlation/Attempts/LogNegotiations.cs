using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Log-derived attempt candidates (one per daemon log and IKE SA) joined into one attempt per
/// negotiation, the way captures join: by the IKE SPIs both logs print (charon at 'ike 2' and up);
/// else by the same daemon's lines written twice (its verbose and normal log, an rsyslog and a
/// journald copy of one host); else by the pair of addresses, one log's own address being the other's
/// peer; else, across a NAT that hides the client's own address from the server's log, by time and
/// the identities, mode and proposal both logs name (<see cref="EvidenceKind.Inferred"/>). Where more
/// than one negotiation fits, nothing decides and the logs stay apart, each saying why.
/// </summary>
internal static class LogNegotiations
{
    /// <summary>How far apart two logs' first lines of one negotiation may be (clock skew, the path's delay, a retransmission).</summary>
    private const double SameStartSeconds = 2;

    internal sealed class Candidate(ConnectionAttempt attempt, List<EventRecord> group, ulong? spi)
    {
        public ConnectionAttempt Attempt { get; } = attempt;

        public List<EventRecord> Group { get; } = group;

        public ulong? Spi { get; } = spi;

        public int Input => Group[0].InputIndex;

        /// <summary>How this log joined the others (null for the first of its negotiation, or alone).</summary>
        public AttemptEvidence? Match { get; set; }
    }

    /// <summary>One negotiation: its candidates (the first describes the attempt) and its inputs.</summary>
    private sealed class Negotiation
    {
        public List<Candidate> Members { get; } = [];

        public HashSet<int> Inputs { get; } = [];

        public Timestamp Start => Members.Select(m => m.Attempt.Start).Where(t => t != default).DefaultIfEmpty().Min();

        public Timestamp End => Members.SelectMany(m => m.Group).Select(r => r.Time).OfType<Timestamp>().DefaultIfEmpty().Max();

        public bool? Initiator => Members.Select(m => Role(m.Group)).FirstOrDefault(r => r is not null);

        public NetAddress? Client => Members.Select(m => m.Attempt.Client?.Address).FirstOrDefault(a => a is not null);

        public NetAddress? Server => Members.Select(m => m.Attempt.Server?.Address).FirstOrDefault(a => a is not null);

        public string? Field(string name) => Members.SelectMany(m => m.Group).Select(r => r.Normalized?.Fields.GetValueOrDefault(name)).FirstOrDefault(v => !string.IsNullOrEmpty(v));

        public void Absorb(Negotiation other, AttemptEvidence match)
        {
            other.Members[0].Match ??= match;
            Members.AddRange(other.Members);
            Inputs.UnionWith(other.Inputs);
        }
    }

    /// <summary>The candidates grouped by negotiation; the first of each group is the attempt that stays.</summary>
    public static List<List<Candidate>> Join(IReadOnlyList<Candidate> candidates)
    {
        var negotiations = new List<Negotiation>();
        foreach (Candidate candidate in candidates)
        {
            var alone = new Negotiation();
            alone.Members.Add(candidate);
            alone.Inputs.Add(candidate.Input);
            Negotiation? same = negotiations.FirstOrDefault(n => !n.Inputs.Contains(candidate.Input) && SameSpis(n, candidate));
            if (same is not null)
            {
                same.Absorb(alone, new AttemptEvidence(EvidenceKind.Derived, "the same IKE SPIs as the other log"));
                continue;
            }

            same = negotiations.FirstOrDefault(n => !n.Inputs.Contains(candidate.Input) && SameDaemonLines(n, candidate));
            if (same is not null)
            {
                same.Absorb(alone, new AttemptEvidence(EvidenceKind.Derived, "the same daemon's lines as the other log (a second file of the same host)"));
                continue;
            }

            negotiations.Add(alone);
        }

        // Opposite ends next, once each end's files are one negotiation: a log of the client and a log
        // of the server match by their addresses, else (a NAT between them) by time and identity.
        JoinEnds(negotiations, SameAddresses, "one log's own address is the other's peer address, and their times overlap", EvidenceKind.Derived);
        JoinEnds(negotiations, AcrossNat,
            "matched by time and identity, not by SPIs or addresses: the server's log sees the client behind a NAT (same server, same start within 2 s, identities, mode and proposal agree)",
            EvidenceKind.Inferred);
        foreach (Negotiation alone in negotiations.Where(n => n.Members[0].Match is null && n.Members.Count == 1))
        {
            if (negotiations.Any(n => n != alone && !n.Inputs.Overlaps(alone.Inputs) && Overlap(n, alone)))
            {
                alone.Members[0].Match = new AttemptEvidence(EvidenceKind.Inferred,
                    // No addresses in the text: a view's match text is not redacted as an address field is (the attempt's client and server columns show them).
                    "not joined with the other logs: no SPIs or lines in common, and the ends it names do not match theirs; a log with SPIs ('ike 2' and up) or addresses decides");
            }
        }

        return negotiations.Select(n => n.Members).ToList();
    }

    private static void JoinEnds(List<Negotiation> negotiations, Func<Negotiation, Negotiation, bool> fits, string text, EvidenceKind kind)
    {
        for (int i = 0; i < negotiations.Count; i++)
        {
            Negotiation one = negotiations[i];
            List<Negotiation> matches = Fitting(negotiations, one, fits);
            if (matches.Count == 0)
            {
                continue;
            }

            Negotiation other = matches[0];
            // Only a match each side makes of the other alone decides; several that fit stay apart.
            List<Negotiation> back = Fitting(negotiations, other, fits);
            if (matches.Count > 1 || back.Count > 1)
            {
                string why = "not joined with another log's negotiation: " + (matches.Count > 1 ? matches.Count : back.Count)
                    + " negotiations of the other logs fit as well (" + (kind == EvidenceKind.Inferred ? "by time and identity" : "by addresses and time") + "); a log with SPIs ('ike 2' and up) decides";
                one.Members[0].Match ??= new AttemptEvidence(EvidenceKind.Inferred, why);
                continue;
            }

            one.Absorb(other, new AttemptEvidence(kind, text));
            negotiations.RemoveAt(negotiations.IndexOf(other));
            i = -1;
        }
    }

    /// <summary>The other logs' negotiations that fit; of several, those that also start within the tolerance.</summary>
    private static List<Negotiation> Fitting(List<Negotiation> negotiations, Negotiation one, Func<Negotiation, Negotiation, bool> fits)
    {
        List<Negotiation> all = negotiations.Where(n => n != one && !n.Inputs.Overlaps(one.Inputs) && fits(one, n)).ToList();
        if (all.Count <= 1)
        {
            return all;
        }

        List<Negotiation> near = all.Where(n => one.Start != default && n.Start != default && Math.Abs(n.Start.SecondsSince(one.Start)) <= SameStartSeconds).ToList();
        return near.Count > 0 ? near : all;
    }

    private static bool SameSpis(Negotiation negotiation, Candidate candidate) =>
        candidate.Spi is ulong spi && negotiation.Members.Any(m => m.Spi == spi);

    /// <summary>
    /// Two files of one daemon: a line naming an address written by the same daemon with the same text
    /// within the tolerance (a verbose and a normal filelog, rsyslog and journald), and the same own
    /// address where both name one (two clients' daemons write the same words at the same moment).
    /// </summary>
    private static bool SameDaemonLines(Negotiation negotiation, Candidate candidate)
    {
        var own = negotiation.Members.SelectMany(m => m.Group).Select(r => r.Normalized?.LocalAddress).OfType<NetAddress>().ToHashSet();
        var theirs = candidate.Group.Select(r => r.Normalized?.LocalAddress).OfType<NetAddress>().ToHashSet();
        if (own.Count > 0 && theirs.Count > 0 && !own.Overlaps(theirs))
        {
            return false;
        }

        var lines = new Dictionary<(string?, string), List<Timestamp?>>();
        foreach (EventRecord record in negotiation.Members.SelectMany(m => m.Group))
        {
            if (Addressed(record) && record.Message is string message)
            {
                var key = (record.Provider, message);
                if (!lines.TryGetValue(key, out List<Timestamp?>? times))
                {
                    lines[key] = times = [];
                }

                times.Add(record.Time);
            }
        }

        return candidate.Group.Any(r => Addressed(r) && r.Message is string message && lines.TryGetValue((r.Provider, message), out List<Timestamp?>? times)
            && times.Any(t => t is null || r.Time is null || Math.Abs(t.Value.SecondsSince(r.Time.Value)) <= SameStartSeconds));
    }

    private static bool Addressed(EventRecord record) => record.Normalized is { } n && (n.RemoteAddress is not null || n.LocalAddress is not null);

    /// <summary>
    /// The ends both logs name are the same (at least one; pluto's lines name only the peer), from
    /// opposite roles (or a role not stated), at overlapping times.
    /// </summary>
    private static bool SameAddresses(Negotiation a, Negotiation b) =>
        !Contradicts(a.Client, b.Client) && !Contradicts(a.Server, b.Server)
        && (a.Client is not null && a.Client == b.Client || a.Server is not null && a.Server == b.Server)
        && !(a.Initiator is bool ra && b.Initiator is bool rb && ra == rb) && Overlap(a, b);

    /// <summary>
    /// The initiator's log and the responder's log name the same server, different client addresses
    /// (the server sees the NAT's public one), start within the tolerance, and agree on what both name.
    /// </summary>
    private static bool AcrossNat(Negotiation a, Negotiation b) =>
        a.Initiator is bool ra && b.Initiator is bool rb && ra != rb
        && a.Server is NetAddress server && server == b.Server
        && a.Client is NetAddress client && b.Client is NetAddress other && client != other
        && a.Start != default && b.Start != default && Math.Abs(a.Start.SecondsSince(b.Start)) <= SameStartSeconds
        && a.Members[0].Attempt.IkeVersion is var va && b.Members[0].Attempt.IkeVersion is var vb && !(va is not null && vb is not null && va != vb)
        && Agree(a.Field("mode"), b.Field("mode")) && Agree(a.Field("proposal"), b.Field("proposal"))
        && Agree(Initiating(a, b).Field("localId"), Responding(a, b).Field("remoteId"))
        && Agree(Initiating(a, b).Field("remoteId"), Responding(a, b).Field("localId"));

    private static Negotiation Initiating(Negotiation a, Negotiation b) => a.Initiator == true ? a : b;

    private static Negotiation Responding(Negotiation a, Negotiation b) => a.Initiator == true ? b : a;

    private static bool Agree(string? one, string? other) => one is null || other is null || one == other;

    private static bool Contradicts(NetAddress? one, NetAddress? other) => one is not null && other is not null && one != other;

    private static bool Overlap(Negotiation a, Negotiation b)
    {
        if (a.Start == default || b.Start == default)
        {
            return true;
        }

        Timestamp aEnd = a.End == default ? a.Start : a.End;
        Timestamp bEnd = b.End == default ? b.Start : b.End;
        return a.Start.SecondsSince(bEnd) <= SameStartSeconds && b.Start.SecondsSince(aEnd) <= SameStartSeconds;
    }

    /// <summary>true for the initiator's log, false for the responder's, null when the lines do not say.</summary>
    private static bool? Role(List<EventRecord> group) =>
        LogRole.IsInitiator(group) && !LogRole.IsResponder(group) ? true
        : LogRole.IsResponder(group) && !LogRole.IsInitiator(group) ? false : null;
}
