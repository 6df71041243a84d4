using System.IO.Hashing;
using Analyzer.Core;
using Analyzer.Sessions;
using Analyzer.Sessions.Ledger;

namespace Analyzer.Correlation.Paths;

/// <summary>
/// Finds which parts of which captures show the same conversation. Inside one capture, packets of
/// one endpoint pair belong together, and so do all endpoint pairs between two addresses unless a
/// NAT multiplexes several IKE peers behind one address. Across captures, a shared identity ties
/// them: an IKE cookie, an ESP SPI, an L2TP control message with the same content. Addresses alone
/// never tie captures: a NAT changes them, and lab runs reuse them.
/// </summary>
internal static class ConversationGrouping
{
    private const byte TokenIke = 1;
    private const byte TokenEsp = 2;
    private const byte TokenL2tp = 3;
    private const int L2tpZeroLengthBody = 12;   // a ZLB acknowledgement: header only, nothing unique in it

    /// <summary>
    /// Conversations seen by two captures or more, each as one slice per capture; those seen by one
    /// capture only come out in <paramref name="lone"/>.
    /// </summary>
    public static List<List<CaptureSlice>> Group(IReadOnlyList<CaptureModel> captures, out List<CaptureSlice> lone)
    {
        var set = new DisjointSet();
        var tokens = new Dictionary<ulong, int>();
        var flowNodes = new List<int[]>(captures.Count);
        for (int c = 0; c < captures.Count; c++)
        {
            PacketLedger? ledger = captures[c].Ledger;
            flowNodes.Add(ledger is null ? [] : LinkCapture(ledger, set, tokens));
        }

        // Conversation root → capture index → entry indices.
        var byRoot = new Dictionary<int, SortedDictionary<int, List<int>>>();
        for (int c = 0; c < captures.Count; c++)
        {
            PacketLedger? ledger = captures[c].Ledger;
            if (ledger is null)
            {
                continue;
            }

            for (int i = 0; i < ledger.Entries.Count; i++)
            {
                int root = set.Find(flowNodes[c][ledger.Entries[i].Flow]);
                if (!byRoot.TryGetValue(root, out SortedDictionary<int, List<int>>? perCapture))
                {
                    perCapture = [];
                    byRoot.Add(root, perCapture);
                }

                if (!perCapture.TryGetValue(c, out List<int>? entries))
                {
                    entries = [];
                    perCapture.Add(c, entries);
                }

                entries.Add(i);
            }
        }

        return Slices(captures, byRoot, out lone);
    }

    /// <summary>One node per endpoint pair of this capture, unioned within the capture and to identity tokens across captures.</summary>
    private static int[] LinkCapture(PacketLedger ledger, DisjointSet set, Dictionary<ulong, int> tokens)
    {
        var pairNodes = new Dictionary<(NetEndpoint, NetEndpoint), int>();
        int[] flowNode = new int[ledger.Flows.Count];
        for (int f = 0; f < ledger.Flows.Count; f++)
        {
            LedgerFlow flow = ledger.Flows[f];
            (NetEndpoint, NetEndpoint) pair = Compare(flow.Source, flow.Destination) <= 0
                ? (flow.Source, flow.Destination)
                : (flow.Destination, flow.Source);
            if (!pairNodes.TryGetValue(pair, out int node))
            {
                node = set.Add();
                pairNodes.Add(pair, node);
            }

            flowNode[f] = node;
        }

        foreach (LedgerEntry entry in ledger.Entries)
        {
            if (IdentityToken(entry) is ulong token)
            {
                if (!tokens.TryGetValue(token, out int tokenNode))
                {
                    tokenNode = set.Add();
                    tokens.Add(token, tokenNode);
                }

                set.Union(flowNode[entry.Flow], tokenNode);
            }
        }

        LinkAddressPairs(ledger, set, flowNode);
        return flowNode;
    }

    /// <summary>
    /// Port-less flows (raw ESP) join the other flows between the same two addresses. Flows with
    /// ports join too, unless the address pair carries IKE SAs that identities did not already tie
    /// together: several IKE peers behind one NAT address must stay apart.
    /// </summary>
    private static void LinkAddressPairs(PacketLedger ledger, DisjointSet set, int[] flowNode)
    {
        var byAddresses = new Dictionary<(NetAddress, NetAddress), List<int>>();
        for (int f = 0; f < ledger.Flows.Count; f++)
        {
            LedgerFlow flow = ledger.Flows[f];
            (NetAddress, NetAddress) key = flow.Source.Address.CompareTo(flow.Destination.Address) <= 0
                ? (flow.Source.Address, flow.Destination.Address)
                : (flow.Destination.Address, flow.Source.Address);
            if (!byAddresses.TryGetValue(key, out List<int>? flows))
            {
                flows = [];
                byAddresses.Add(key, flows);
            }

            flows.Add(f);
        }

        bool[] carriesIke = new bool[ledger.Flows.Count];
        foreach (LedgerEntry entry in ledger.Entries)
        {
            if (entry.Protocol is LedgerProtocol.Udp500 or LedgerProtocol.Udp4500 && entry.Identity != 0)
            {
                carriesIke[entry.Flow] = true;
            }
        }

        foreach (List<int> flows in byAddresses.Values)
        {
            int ikeRoot = -1;
            bool multiplexed = false;
            foreach (int f in flows)
            {
                if (carriesIke[f])
                {
                    int root = set.Find(flowNode[f]);
                    multiplexed |= ikeRoot >= 0 && root != ikeRoot;
                    ikeRoot = root;
                }
            }

            int anchor = flowNode[flows[0]];
            foreach (int f in flows)
            {
                LedgerFlow flow = ledger.Flows[f];
                bool portless = flow.Source.Port == 0 && flow.Destination.Port == 0;
                if (portless || !multiplexed)
                {
                    set.Union(anchor, flowNode[f]);
                }
            }
        }
    }

    private static int Compare(NetEndpoint a, NetEndpoint b)
    {
        int byAddress = a.Address.CompareTo(b.Address);
        return byAddress != 0 ? byAddress : a.Port.CompareTo(b.Port);
    }

    private static ulong? IdentityToken(in LedgerEntry entry)
    {
        if (entry.Identity == 0 || entry.Has(LedgerEntryFlags.WeakKey))
        {
            return null;
        }

        return entry.Protocol switch
        {
            LedgerProtocol.Udp500 or LedgerProtocol.Udp4500 => Token(TokenIke, entry.Identity),
            LedgerProtocol.Esp => Token(TokenEsp, entry.Identity),
            LedgerProtocol.Udp1701 when entry.WireLength > L2tpZeroLengthBody => Token(TokenL2tp, entry.MatchKey ^ entry.ContentHash),
            _ => null,
        };
    }

    private static ulong Token(byte kind, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return XxHash3.HashToUInt64(bytes, kind);
    }

    private static List<List<CaptureSlice>> Slices(IReadOnlyList<CaptureModel> captures,
        Dictionary<int, SortedDictionary<int, List<int>>> byRoot, out List<CaptureSlice> lone)
    {
        lone = [];
        // Two roots seen by exactly the same captures are one conversation between the same parties (a retry on a new port, say).
        var byCaptureSet = new Dictionary<string, List<CaptureSlice>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (SortedDictionary<int, List<int>> perCapture in byRoot.Values)
        {
            if (perCapture.Count < 2)
            {
                foreach ((int c, List<int> entries) in perCapture)
                {
                    var slice = new CaptureSlice(captures[c], captures[c].Ledger!);
                    slice.Entries.AddRange(entries);
                    SortByTime(slice);
                    lone.Add(slice);
                }

                continue;
            }

            string captureSet = string.Join(',', perCapture.Keys);
            if (!byCaptureSet.TryGetValue(captureSet, out List<CaptureSlice>? slices))
            {
                slices = [];
                foreach (int c in perCapture.Keys)
                {
                    slices.Add(new CaptureSlice(captures[c], captures[c].Ledger!));
                }

                byCaptureSet.Add(captureSet, slices);
                order.Add(captureSet);
            }

            int s = 0;
            foreach (List<int> entries in perCapture.Values)
            {
                slices[s++].Entries.AddRange(entries);
            }
        }

        var conversations = new List<List<CaptureSlice>>(order.Count);
        foreach (string captureSet in order)
        {
            List<CaptureSlice> slices = byCaptureSet[captureSet];
            foreach (CaptureSlice slice in slices)
            {
                SortByTime(slice);
            }

            conversations.Add(slices);
        }

        return conversations;
    }

    private static void SortByTime(CaptureSlice slice)
    {
        PacketLedger ledger = slice.Ledger;
        slice.Entries.Sort((a, b) =>
        {
            int byTime = ledger.Entries[a].Time.CompareTo(ledger.Entries[b].Time);
            return byTime != 0 ? byTime : a.CompareTo(b);
        });
    }
}
