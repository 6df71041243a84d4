using Analyzer.Core;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.Ledger;

namespace Analyzer.Correlation.Paths;

/// <summary>
/// Turns paired packets into the path report: clock offset and transit times, per direction and
/// protocol what was sent, received, lost and modified, and the NAT mappings the pairs reveal.
/// </summary>
internal static class PathAccounting
{
    /// <summary>Lost frames and modified packets listed per direction; the counts stay exact.</summary>
    public const int MaxListed = 100;

    /// <summary>The fastest packets each way are the ones least delayed by queues: their midpoint is the offset.</summary>
    private const double FastQuantile = 0.1;

    private static readonly string[] ProtocolOrder =
    [
        LedgerProtocolNames.Udp500, LedgerProtocolNames.Udp4500, LedgerProtocolNames.Esp,
        LedgerProtocolNames.Udp1701, LedgerProtocolNames.IpFragments,
    ];

    public static void Fill(PathComparison comparison, CaptureSlice client, CaptureSlice server, PacketPairing pairing)
    {
        EstimateClock(comparison, client, server, pairing);
        comparison.Directions.AddRange(Directions(client, server, pairing, clientToServer: true));
        comparison.Directions.AddRange(Directions(server, client, pairing, clientToServer: false));
        AddTranslations(comparison, client, server, pairing);
        comparison.NatTraversalUsed = UsesNatTraversal(client) || UsesNatTraversal(server);
    }

    /// <summary>
    /// A client→server pair differs by offset + transit, a server→client pair by offset − transit.
    /// With both ways, the offset is the midpoint of the fastest packets each way (a symmetric path's
    /// floor); the medians then give each direction's transit. With one way only, transit is taken as
    /// nil and not reported.
    /// </summary>
    private static void EstimateClock(PathComparison comparison, CaptureSlice client, CaptureSlice server, PacketPairing pairing)
    {
        var up = new List<double>();
        var down = new List<double>();
        for (int a = 0; a < client.Entries.Count; a++)
        {
            int b = pairing.PartnerOfA[a];
            if (b >= 0 && client[a].ContentHash == server[b].ContentHash)
            {
                (client.ToServer[a] ? up : down).Add(pairing.Seconds(server[b].Time) - pairing.Seconds(client[a].Time));
            }
        }

        up = RobustStatistics.WithoutOutliers(up);
        down = RobustStatistics.WithoutOutliers(down);
        if (up.Count > 0 && down.Count > 0)
        {
            double offset = (RobustStatistics.Quantile(up, FastQuantile) + RobustStatistics.Quantile(down, 1 - FastQuantile)) / 2;
            comparison.ClockOffsetSeconds = Math.Round(offset, 6);
            comparison.TransitSeconds["client→server"] = Math.Round(RobustStatistics.Median(up) - offset, 6);
            comparison.TransitSeconds["server→client"] = Math.Round(offset - RobustStatistics.Median(down), 6);
        }
        else if (up.Count > 0 || down.Count > 0)
        {
            comparison.ClockOffsetSeconds = Math.Round(RobustStatistics.Median(up.Count > 0 ? up : down), 6);
        }
    }

    private static List<PathDirection> Directions(CaptureSlice near, CaptureSlice far, PacketPairing pairing, bool clientToServer)
    {
        int[] partners = clientToServer ? pairing.PartnerOfA : pairing.PartnerOfB;
        int[] fragments = clientToServer ? pairing.FragmentsOfA : pairing.FragmentsOfB;
        double? difference = clientToServer ? pairing.UpDifference : -pairing.DownDifference;
        (Timestamp? from, Timestamp? to) = far.Window;
        var tallies = new Dictionary<string, Tally>(StringComparer.Ordinal);
        for (int p = 0; p < near.Entries.Count; p++)
        {
            LedgerEntry entry = near[p];
            if (near.ToServer[p] != clientToServer || entry.Has(LedgerEntryFlags.Incomplete))
            {
                continue;
            }

            int partner = partners[p];
            if (partner < 0 && !CouldArrive(entry.Time, difference, from, to))
            {
                continue;   // sent while the far capture was not running: no evidence either way
            }

            bool fragmented = entry.FragmentCount > 1 || fragments[p] >= 0 || (partner >= 0 && far[partner].FragmentCount > 1);
            string protocol = fragmented ? LedgerProtocolNames.IpFragments : LedgerProtocolNames.Name(entry.Protocol);
            if (!tallies.TryGetValue(protocol, out Tally? tally))
            {
                tally = new Tally();
                tallies.Add(protocol, tally);
            }

            tally.Sent++;
            if (partner < 0)
            {
                tally.Lost++;
                if (tally.LostFrames.Count < MaxListed)
                {
                    tally.LostFrames.Add(entry.Frame);
                }

                continue;
            }

            tally.Received++;
            if (tally.Modified.Count < MaxListed && PayloadDifference.Describe(near, p, far, partner) is ModifiedPacket modified)
            {
                tally.Modified.Add(modified);
            }
        }

        string fromRole = clientToServer ? VantageOrdering.Client : VantageOrdering.Server;
        string toRole = clientToServer ? VantageOrdering.Server : VantageOrdering.Client;
        var directions = new List<PathDirection>();
        foreach (string protocol in ProtocolOrder)
        {
            if (tallies.TryGetValue(protocol, out Tally? tally))
            {
                directions.Add(new PathDirection(fromRole, toRole, protocol, tally.Sent, tally.Received, tally.Lost, tally.LostFrames, tally.Modified));
            }
        }

        return directions;
    }

    private static bool CouldArrive(Timestamp sent, double? difference, Timestamp? from, Timestamp? to)
    {
        // No pair at all to tell the clocks apart: take them as synchronised.
        Timestamp arrival = sent.AddSeconds(difference ?? 0);
        return (from is null || arrival >= from) && (to is null || arrival <= to);
    }

    /// <summary>
    /// A pair whose addresses or ports differ between the captures was translated: the client-side
    /// view of the client is the inside, the server-side view the outside (and the reverse for a
    /// server behind a port forward). NAT-D (RFC 3947 §3) should have seen the same.
    /// </summary>
    private static void AddTranslations(PathComparison comparison, CaptureSlice client, CaptureSlice server, PacketPairing pairing)
    {
        IkeSa? sa = FindIkeSa(comparison, client, server);
        var seen = new HashSet<NatTranslation>();
        for (int a = 0; a < client.Entries.Count; a++)
        {
            int b = pairing.PartnerOfA[a];
            if (b < 0)
            {
                continue;
            }

            LedgerFlow inside = client.FlowAt(a);
            LedgerFlow outside = server.FlowAt(b);
            string protocol = TranslationProtocol(client[a]);
            bool toServer = client.ToServer[a];
            NetEndpoint clientInside = toServer ? inside.Source : inside.Destination;
            NetEndpoint clientOutside = toServer ? outside.Source : outside.Destination;
            NetEndpoint serverOutside = toServer ? inside.Destination : inside.Source;
            NetEndpoint serverInside = toServer ? outside.Destination : outside.Source;
            if (clientInside != clientOutside)
            {
                Add(comparison, seen, new NatTranslation(protocol, clientInside, clientOutside, Agreed(sa?.Nat.InitiatorBehindNat)));
            }

            if (serverInside != serverOutside)
            {
                Add(comparison, seen, new NatTranslation(protocol, serverInside, serverOutside, Agreed(sa?.Nat.ResponderBehindNat)));
            }
        }
    }

    private static void Add(PathComparison comparison, HashSet<NatTranslation> seen, NatTranslation translation)
    {
        if (seen.Add(translation))
        {
            comparison.Translations.Add(translation);
        }
    }

    /// <summary>A translation was seen: NAT-D agreed if it found that side behind a NAT.</summary>
    private static bool? Agreed(bool? behindNat) => behindNat;

    private static string TranslationProtocol(in LedgerEntry entry) => entry.Has(LedgerEntryFlags.UdpEncapsulated)
        ? LedgerProtocolNames.Udp4500
        : LedgerProtocolNames.Name(entry.Protocol);

    /// <summary>The IKE SA of this conversation in either capture's model, preferring one whose NAT-D was evaluated.</summary>
    private static IkeSa? FindIkeSa(PathComparison comparison, CaptureSlice client, CaptureSlice server)
    {
        IkeSa? found = null;
        foreach (CaptureModel model in (ReadOnlySpan<CaptureModel>)[server.Capture, client.Capture])
        {
            foreach (IkeSa sa in model.IkeSas)
            {
                if (comparison.IkeCookies.Contains(sa.InitiatorCookie))
                {
                    if (sa.Nat.NatDiscoveryExchanged)
                    {
                        return sa;
                    }

                    found ??= sa;
                }
            }
        }

        return found;
    }

    private static bool UsesNatTraversal(CaptureSlice slice)
    {
        for (int p = 0; p < slice.Entries.Count; p++)
        {
            if (slice[p].Has(LedgerEntryFlags.UdpEncapsulated))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class Tally
    {
        public long Sent { get; set; }

        public long Received { get; set; }

        public long Lost { get; set; }

        public List<FrameRef> LostFrames { get; } = [];

        public List<ModifiedPacket> Modified { get; } = [];
    }
}
