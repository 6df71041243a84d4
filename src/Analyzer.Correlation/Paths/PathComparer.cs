using Analyzer.Sessions;
using Analyzer.Sessions.Ledger;

namespace Analyzer.Correlation.Paths;

/// <summary>
/// Lines up captures of the same conversation taken at different points (client, server, in
/// between): which packets left one side and never reached the other, what a NAT rewrote, what
/// arrived damaged, and how the clocks differ. Reads only each capture's <see cref="CaptureModel.Ledger"/>
/// (and IkeSa.Nat for NAT-D); a capture without a twin yields nothing.
/// </summary>
public static class PathComparer
{
    public static List<PathComparison> Compare(IReadOnlyList<CaptureModel> captures)
    {
        var comparisons = new List<PathComparison>();
        List<List<CaptureSlice>> shared = ConversationGrouping.Group(captures, out List<CaptureSlice> lone);
        foreach (List<CaptureSlice> slices in shared)
        {
            VantageOrdering.AssignDirections(slices);
            var comparison = new PathComparison();
            comparison.Captures.AddRange(VantageOrdering.Order(slices));
            AddIkeCookies(comparison, slices);

            CaptureSlice client = slices[0];
            CaptureSlice server = slices[^1];
            PacketPairing pairing = PacketPairing.Pair(client, server);
            PathAccounting.Fill(comparison, client, server, pairing);
            comparisons.Add(comparison);
        }

        foreach (CaptureSlice client in lone)
        {
            if (SilentServerCapture.TryFind(client, captures, out CaptureSlice server, out string clientReason, out string serverReason))
            {
                var comparison = new PathComparison();
                comparison.Captures.Add(new VantagePoint(client.InputIndex, VantageOrdering.Client, clientReason));
                comparison.Captures.Add(new VantagePoint(server.InputIndex, VantageOrdering.Server, serverReason));
                AddIkeCookies(comparison, [client]);
                PathAccounting.Fill(comparison, client, server, PacketPairing.Pair(client, server));
                comparisons.Add(comparison);
            }
        }

        return comparisons;
    }

    /// <summary>Where the ticket's only capture was taken (<see cref="LoneVantage"/>); null with two captures or more, or none.</summary>
    public static VantagePoint? PlaceLoneCapture(IReadOnlyList<CaptureModel> captures) => LoneVantage.Place(captures);

    private static void AddIkeCookies(PathComparison comparison, List<CaptureSlice> slices)
    {
        var seen = new HashSet<ulong>();
        foreach (CaptureSlice slice in slices)
        {
            for (int p = 0; p < slice.Entries.Count; p++)
            {
                LedgerEntry entry = slice[p];
                if (entry.Protocol is LedgerProtocol.Udp500 or LedgerProtocol.Udp4500 && entry.Identity != 0 && seen.Add(entry.Identity))
                {
                    comparison.IkeCookies.Add(entry.Identity);
                }
            }
        }
    }
}
