using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions;
using Analyzer.Sessions.Ledger;

namespace Analyzer.Correlation.Paths;

/// <summary>
/// The classic blocked path: the client's capture shows its packets leaving, the server's capture
/// shows none of them, so no cookie or SPI ties the two. A capture taken at the same time counts as
/// the server side of such a conversation when it holds no VPN traffic at all, or when the server
/// address sends from it with an initial TTL (the capturing host itself). The conversation's own
/// capture must be the client's: its packets leave with an initial TTL. One candidate only, else
/// nothing is claimed.
/// </summary>
internal static class SilentServerCapture
{
    public static bool TryFind(CaptureSlice lone, IReadOnlyList<CaptureModel> captures,
        out CaptureSlice server, out string clientReason, out string serverReason)
    {
        server = null!;
        clientReason = serverReason = "";
        VantageOrdering.AssignDirections([lone]);
        NetAddress? serverAddress = null;
        var ttls = new List<double>();
        for (int p = 0; p < lone.Entries.Count; p++)
        {
            if (lone.ToServer[p])
            {
                serverAddress ??= lone.FlowAt(p).Destination.Address;
                ttls.Add(lone[p].HopLimit);
            }
        }

        if (serverAddress is not NetAddress address || !IsInitialTtl(RobustStatistics.Median(ttls))
            || lone.Capture.Statistics.FirstTime is null)
        {
            return false;
        }

        CaptureModel? found = null;
        string why = "";
        foreach (CaptureModel candidate in captures)
        {
            if (candidate == lone.Capture || candidate.Ledger is null || !Overlaps(lone, candidate))
            {
                continue;
            }

            string? evidence = candidate.Ledger.Entries.Count == 0
                ? "it holds no VPN traffic at all, captured at the same time"
                : SendsAsLocalHost(candidate.Ledger, address)
                    ? string.Create(CultureInfo.InvariantCulture, $"{address} sends from it with an initial TTL (the capturing host), at the same time")
                    : null;
            if (evidence is null)
            {
                continue;
            }

            if (found is not null)
            {
                return false;   // two captures could be the server side: claim nothing
            }

            found = candidate;
            why = evidence;
        }

        if (found is null)
        {
            return false;
        }

        server = new CaptureSlice(found, found.Ledger!);
        clientReason = string.Create(CultureInfo.InvariantCulture,
            $"the IKE initiator {lone.ClientAddress} sends from it with an initial TTL; none of its packets appear in {found.Input.DisplayName}");
        serverReason = string.Create(CultureInfo.InvariantCulture, $"server side of {lone.Name}'s conversation with {address}: {why}");
        return true;
    }

    /// <summary>Common initial TTLs (Linux/macOS 64, Windows 128, network gear 255): a packet still carrying one was captured on its sender.</summary>
    private static bool IsInitialTtl(double ttl) => ttl is 64 or 128 or 255;

    private static bool SendsAsLocalHost(PacketLedger ledger, NetAddress address)
    {
        foreach (LedgerEntry entry in ledger.Entries)
        {
            if (ledger.Flows[entry.Flow].Source.Address == address && IsInitialTtl(entry.HopLimit))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Overlaps(CaptureSlice lone, CaptureModel candidate)
    {
        Timestamp? from = candidate.Statistics.FirstTime;
        Timestamp? to = candidate.Statistics.LastTime;
        return from is not null && to is not null && lone[0].Time <= to && lone[lone.Entries.Count - 1].Time >= from;
    }
}
