using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions.Ledger;

namespace Analyzer.Correlation.Paths;

/// <summary>
/// Who is the client in each capture (the IKE initiator, else the L2TP LAC) and where each capture
/// sits on the path. The hop limit orders them: it falls by one at every router, so the capture
/// that sees the client's packets with the highest TTL is nearest the client. When TTLs tie (one
/// segment, no router), a capture that sees the client's private address is on the inside of the
/// NAT; then file names, then the order given.
/// </summary>
internal static class VantageOrdering
{
    public const string Client = "client";
    public const string Server = "server";
    public const string Between = "between";

    public static void AssignDirections(List<CaptureSlice> slices)
    {
        var espToServer = new Dictionary<ulong, bool>();
        foreach (CaptureSlice slice in slices)
        {
            slice.ClientAddress = ClientFromIke(slice);
            if (slice.ClientAddress is not null)
            {
                FillDirections(slice);
                for (int p = 0; p < slice.Entries.Count; p++)
                {
                    if (slice[p].Protocol == LedgerProtocol.Esp)
                    {
                        espToServer.TryAdd(slice[p].Identity, slice.ToServer[p]);
                    }
                }
            }
        }

        foreach (CaptureSlice slice in slices)
        {
            if (slice.ClientAddress is not null)
            {
                continue;
            }

            // No IKE or L2TP start here: an SPI whose direction another capture knows tells, else whoever spoke first.
            slice.ClientAddress = slice.FlowAt(0).Source.Address;
            for (int p = 0; p < slice.Entries.Count; p++)
            {
                if (slice[p].Protocol == LedgerProtocol.Esp && espToServer.TryGetValue(slice[p].Identity, out bool toServer))
                {
                    LedgerFlow flow = slice.FlowAt(p);
                    slice.ClientAddress = toServer ? flow.Source.Address : flow.Destination.Address;
                    break;
                }
            }

            FillDirections(slice);
        }
    }

    /// <summary>Sorts the slices client side first and names each one's place.</summary>
    public static List<VantagePoint> Order(List<CaptureSlice> slices)
    {
        var ttls = new Dictionary<CaptureSlice, (double? ToServer, double? ToClient)>();
        foreach (CaptureSlice slice in slices)
        {
            ttls[slice] = (MedianTtl(slice, toServer: true), MedianTtl(slice, toServer: false));
        }

        // Insertion sort: a handful of captures, and the comparison need not be a total order.
        for (int i = 1; i < slices.Count; i++)
        {
            CaptureSlice moving = slices[i];
            int j = i - 1;
            while (j >= 0 && Compare(slices[j], moving, ttls).Order > 0)
            {
                slices[j + 1] = slices[j];
                j--;
            }

            slices[j + 1] = moving;
        }

        var points = new List<VantagePoint>(slices.Count);
        CaptureSlice first = slices[0];
        CaptureSlice last = slices[^1];
        (int _, string why) = Compare(first, last, ttls);
        for (int i = 0; i < slices.Count; i++)
        {
            CaptureSlice slice = slices[i];
            string role = i == 0 ? Client : i == slices.Count - 1 ? Server : Between;
            string reason = role switch
            {
                Client => string.Create(CultureInfo.InvariantCulture, $"nearer the IKE initiator {slice.ClientAddress} than {last.Name}: {why}"),
                Server => string.Create(CultureInfo.InvariantCulture, $"nearer the responder than {first.Name}: {why}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"between {first.Name} and {last.Name} by the TTL of the client's packets ({Ttl(ttls[slice].ToServer)})"),
            };
            points.Add(new VantagePoint(slice.InputIndex, role, reason));
        }

        return points;
    }

    private static NetAddress? ClientFromIke(CaptureSlice slice)
    {
        for (int p = 0; p < slice.Entries.Count; p++)
        {
            LedgerEntry entry = slice[p];
            LedgerFlow flow = slice.FlowAt(p);
            if (entry.Has(LedgerEntryFlags.FromInitiator) || entry.Has(LedgerEntryFlags.StartsTunnel))
            {
                return flow.Source.Address;
            }

            if (entry.Has(LedgerEntryFlags.FromResponder))
            {
                return flow.Destination.Address;
            }
        }

        return null;
    }

    private static void FillDirections(CaptureSlice slice)
    {
        slice.ToServer.Clear();
        for (int p = 0; p < slice.Entries.Count; p++)
        {
            slice.ToServer.Add(slice.FlowAt(p).Source.Address == slice.ClientAddress);
        }
    }

    private static double? MedianTtl(CaptureSlice slice, bool toServer)
    {
        var values = new List<double>();
        for (int p = 0; p < slice.Entries.Count; p++)
        {
            LedgerEntry entry = slice[p];
            if (slice.ToServer[p] == toServer && entry.HopLimit != 0 && !entry.Has(LedgerEntryFlags.Incomplete))
            {
                values.Add(entry.HopLimit);
            }
        }

        return values.Count == 0 ? null : RobustStatistics.Median(values);
    }

    /// <summary>Negative when <paramref name="a"/> is nearer the client than <paramref name="b"/>, with the evidence in words.</summary>
    private static (int Order, string Why) Compare(CaptureSlice a, CaptureSlice b, Dictionary<CaptureSlice, (double? ToServer, double? ToClient)> ttls)
    {
        (double? aUp, double? aDown) = ttls[a];
        (double? bUp, double? bDown) = ttls[b];
        if (aUp is double au && bUp is double bu && au != bu)
        {
            return (au > bu ? -1 : 1, string.Create(CultureInfo.InvariantCulture,
                $"the client's packets have TTL {Ttl(aUp)} in {a.Name} and {Ttl(bUp)} in {b.Name}"));
        }

        if (aDown is double ad && bDown is double bd && ad != bd)
        {
            return (ad < bd ? -1 : 1, string.Create(CultureInfo.InvariantCulture,
                $"the server's packets have TTL {Ttl(aDown)} in {a.Name} and {Ttl(bDown)} in {b.Name}"));
        }

        bool aPrivate = a.ClientAddress is NetAddress ac && ac.IsPrivate;
        bool bPrivate = b.ClientAddress is NetAddress bc && bc.IsPrivate;
        if (aPrivate != bPrivate && a.ClientAddress != b.ClientAddress)
        {
            return (aPrivate ? -1 : 1, string.Create(CultureInfo.InvariantCulture,
                $"the client is {a.ClientAddress} in {a.Name} and {b.ClientAddress} in {b.Name}; the private address is inside the NAT"));
        }

        int byName = NameHint(a.Name).CompareTo(NameHint(b.Name));
        if (byName != 0)
        {
            return (byName, "TTLs and addresses do not tell the sides apart; the file names do");
        }

        return (a.InputIndex.CompareTo(b.InputIndex), "TTLs, addresses and names do not tell the sides apart; assumed in the order given");
    }

    private static int NameHint(string name)
    {
        string file = Path.GetFileName(name);
        bool client = file.Contains(Client, StringComparison.OrdinalIgnoreCase);
        bool server = file.Contains(Server, StringComparison.OrdinalIgnoreCase);
        return client == server ? 0 : client ? -1 : 1;
    }

    private static string Ttl(double? value) =>
        value is double v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "none";
}
