using Analyzer.Core;
using Analyzer.Sessions.Ledger;

namespace Analyzer.Correlation.Paths;

/// <summary>
/// Pairs each packet of the client-side slice with the same packet in the server-side slice.
/// First unique packets (first occurrence of each key and content) give the time difference between
/// the captures per direction; then every packet pairs with its twin nearest the expected time, so
/// a lost first transmission does not shift its retransmissions; then packets with the same key but
/// other content pair as modified; last, packets that arrived only as fragments pair with the
/// fragments the far side kept.
/// </summary>
internal sealed class PacketPairing
{
    /// <summary>Pair partners are searched this far around the expected arrival at least (seconds); retransmission timers are longer.</summary>
    private const double MinimumTolerance = 0.5;
    private const double MaximumTolerance = 5;
    private const double SpreadsOfTolerance = 8;

    private readonly CaptureSlice _a;
    private readonly CaptureSlice _b;
    private readonly long _baseNanoseconds;

    private PacketPairing(CaptureSlice a, CaptureSlice b)
    {
        _a = a;
        _b = b;
        _baseNanoseconds = a.Entries.Count > 0 ? a[0].Time.UnixNanoseconds : 0;
        PartnerOfA = Filled(a.Entries.Count);
        PartnerOfB = Filled(b.Entries.Count);
        FragmentsOfA = Filled(a.Entries.Count);
        FragmentsOfB = Filled(b.Entries.Count);
    }

    /// <summary>For each client-side position, the server-side position of the same packet, or -1.</summary>
    public int[] PartnerOfA { get; }

    public int[] PartnerOfB { get; }

    /// <summary>For each client-side packet lost whole, the server-side incomplete datagram holding some of its fragments, or -1.</summary>
    public int[] FragmentsOfA { get; }

    public int[] FragmentsOfB { get; }

    /// <summary>Server time minus client time for a client→server packet (offset plus transit), where pairs tell.</summary>
    public double? UpDifference { get; private set; }

    /// <summary>Server time minus client time for a server→client packet (offset minus transit).</summary>
    public double? DownDifference { get; private set; }

    private double UpTolerance { get; set; } = double.PositiveInfinity;

    private double DownTolerance { get; set; } = double.PositiveInfinity;

    public static PacketPairing Pair(CaptureSlice clientSide, CaptureSlice serverSide)
    {
        var pairing = new PacketPairing(clientSide, serverSide);
        pairing.Anchor();
        pairing.PairSameContent();
        pairing.PairChangedContent();
        pairing.PairWithFragments(clientSide, serverSide, pairing.PartnerOfA, pairing.FragmentsOfA, aIsNear: true);
        pairing.PairWithFragments(serverSide, clientSide, pairing.PartnerOfB, pairing.FragmentsOfB, aIsNear: false);
        return pairing;
    }

    /// <summary>Seconds from the client side's first packet: doubles keep microseconds exact over days.</summary>
    public double Seconds(Timestamp time) => (time.UnixNanoseconds - _baseNanoseconds) / 1e9;

    private void Anchor()
    {
        var up = new List<double>();
        var down = new List<double>();
        Dictionary<GroupKey, List<int>> bGroups = Groups(_b, withContent: true, IsWhole);
        foreach ((GroupKey key, List<int> aPositions) in Groups(_a, withContent: true, IsWhole))
        {
            if (!key.Weak && bGroups.TryGetValue(key, out List<int>? bPositions))
            {
                double difference = Seconds(_b[bPositions[0]].Time) - Seconds(_a[aPositions[0]].Time);
                (key.ToServer ? up : down).Add(difference);
            }
        }

        (UpDifference, UpTolerance) = Expectation(up);
        (DownDifference, DownTolerance) = Expectation(down);
        if (UpDifference is null && DownDifference is double d)
        {
            // Nothing came through this way: assume a short transit, widen the window.
            (UpDifference, UpTolerance) = (d, Math.Max(DownTolerance, 2 * MinimumTolerance));
        }
        else if (DownDifference is null && UpDifference is double u)
        {
            (DownDifference, DownTolerance) = (u, Math.Max(UpTolerance, 2 * MinimumTolerance));
        }
    }

    private void PairSameContent()
    {
        Dictionary<GroupKey, List<int>> bGroups = Groups(_b, withContent: true, IsWhole);
        foreach ((GroupKey key, List<int> aPositions) in Groups(_a, withContent: true, IsWhole))
        {
            if (bGroups.TryGetValue(key, out List<int>? bPositions))
            {
                PairNearest(aPositions, bPositions, key.ToServer, PartnerOfA, PartnerOfB);
            }
        }
    }

    private void PairChangedContent()
    {
        bool Unpaired(CaptureSlice slice, int p) =>
            IsWhole(slice, p) && !slice[p].Has(LedgerEntryFlags.WeakKey) && (slice == _a ? PartnerOfA : PartnerOfB)[p] < 0;

        Dictionary<GroupKey, List<int>> bGroups = Groups(_b, withContent: false, Unpaired);
        foreach ((GroupKey key, List<int> aPositions) in Groups(_a, withContent: false, Unpaired))
        {
            if (bGroups.TryGetValue(key, out List<int>? bPositions))
            {
                PairNearest(aPositions, bPositions, key.ToServer, PartnerOfA, PartnerOfB);
            }
        }
    }

    /// <summary>Whole packets of <paramref name="near"/> that never arrived whole, against the far side's incomplete datagrams.</summary>
    private void PairWithFragments(CaptureSlice near, CaptureSlice far, int[] partners, int[] fragments, bool aIsNear)
    {
        bool Lost(CaptureSlice slice, int p) => IsWhole(slice, p) && partners[p] < 0 && near.ToServer[p] == aIsNear;
        static bool Partial(CaptureSlice slice, int p) => slice[p].Has(LedgerEntryFlags.Incomplete);

        Dictionary<GroupKey, List<int>> farGroups = Groups(far, withContent: false, Partial);
        int[] taken = Filled(far.Entries.Count);
        foreach ((GroupKey key, List<int> nearPositions) in Groups(near, withContent: false, Lost))
        {
            if (farGroups.TryGetValue(key, out List<int>? farPositions))
            {
                if (aIsNear)
                {
                    PairNearest(nearPositions, farPositions, key.ToServer, fragments, taken);
                }
                else
                {
                    PairNearest(farPositions, nearPositions, key.ToServer, taken, fragments);
                }
            }
        }
    }

    /// <summary>
    /// Greedy in time order: each client-side packet takes the free server-side twin nearest its
    /// expected time, within the tolerance. Both lists are sorted by time, so the window only moves forward.
    /// </summary>
    private void PairNearest(List<int> aPositions, List<int> bPositions, bool toServer, int[] aPartners, int[] bPartners)
    {
        double expected = (toServer ? UpDifference : DownDifference) ?? 0;
        double tolerance = toServer ? UpTolerance : DownTolerance;
        int start = 0;
        foreach (int a in aPositions)
        {
            if (aPartners[a] >= 0)
            {
                continue;
            }

            double target = Seconds(_a[a].Time) + expected;
            while (start < bPositions.Count && Seconds(_b[bPositions[start]].Time) < target - tolerance)
            {
                start++;
            }

            int best = -1;
            double bestDistance = double.PositiveInfinity;
            for (int i = start; i < bPositions.Count; i++)
            {
                double time = Seconds(_b[bPositions[i]].Time);
                if (time > target + tolerance)
                {
                    break;
                }

                double distance = Math.Abs(time - target);
                if (bPartners[bPositions[i]] < 0 && distance < bestDistance)
                {
                    best = bPositions[i];
                    bestDistance = distance;
                }
            }

            if (best >= 0)
            {
                aPartners[a] = best;
                bPartners[best] = a;
            }
        }
    }

    private static (double? Center, double Tolerance) Expectation(List<double> differences)
    {
        if (differences.Count == 0)
        {
            return (null, double.PositiveInfinity);
        }

        List<double> kept = RobustStatistics.WithoutOutliers(differences);
        double tolerance = Math.Clamp(SpreadsOfTolerance * RobustStatistics.Spread(kept), MinimumTolerance, MaximumTolerance);
        return (RobustStatistics.Median(kept), tolerance);
    }

    private static bool IsWhole(CaptureSlice slice, int position) => !slice[position].Has(LedgerEntryFlags.Incomplete);

    private static Dictionary<GroupKey, List<int>> Groups(CaptureSlice slice, bool withContent, Func<CaptureSlice, int, bool> include)
    {
        var groups = new Dictionary<GroupKey, List<int>>();
        for (int p = 0; p < slice.Entries.Count; p++)
        {
            if (!include(slice, p))
            {
                continue;
            }

            LedgerEntry entry = slice[p];
            var key = new GroupKey(slice.ToServer[p], entry.MatchKey, withContent ? entry.ContentHash : 0, entry.Has(LedgerEntryFlags.WeakKey));
            if (!groups.TryGetValue(key, out List<int>? positions))
            {
                positions = [];
                groups.Add(key, positions);
            }

            positions.Add(p);
        }

        return groups;
    }

    private static int[] Filled(int length)
    {
        int[] array = new int[length];
        Array.Fill(array, -1);
        return array;
    }

    private readonly record struct GroupKey(bool ToServer, ulong MatchKey, ulong ContentHash, bool Weak);
}
