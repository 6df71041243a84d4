using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Esp;

/// <summary>
/// Ties counted flows to IKE: the two directions of one IPsec SA (exactly from a decrypted Quick
/// Mode, else by timing after a Quick Mode between the same addresses, else by address pair),
/// one-way flows, packets after a Delete, and ESP between addresses no IKE SA was seen for.
/// </summary>
internal static class EspFlowPairing
{
    public const string ByQuickMode = "quick-mode";
    public const string ByTiming = "timing";
    public const string ByAddressPair = "address-pair";

    public static void Apply(List<EspFlowState> flows, List<IkeSa> ikeSas)
    {
        PairFromQuickModes(flows, ikeSas);
        PairByTiming(flows, ikeSas);
        MarkOneWay(flows);
        MarkDeletes(flows, ikeSas);
        MarkWithoutIkeSa(flows, ikeSas);
    }

    private static void PairFromQuickModes(List<EspFlowState> flows, List<IkeSa> ikeSas)
    {
        foreach (IkeSa sa in ikeSas)
        {
            foreach (IkeExchange exchange in sa.Exchanges)
            {
                if (exchange.ChildSa is not ChildSaNegotiation child)
                {
                    continue;
                }

                // Each side names its inbound SPI: the responder's is used initiator→responder, and back.
                // The initiator may offer one SPI per proposal; the responder answers the one it chose.
                for (int i = 0; i < child.ResponderSpis.Count; i++)
                {
                    uint responderSpi = child.ResponderSpis[i];
                    uint? initiatorSpi = ChosenInitiatorSpi(flows, sa, child, responderSpi, i);
                    if (initiatorSpi is uint chosen)
                    {
                        Pair(flows, sa, responderSpi, chosen, ByQuickMode);
                    }
                }
            }

            // SPIs the IKE stage tied to the SA without saying which side owns them: pair when exactly two flows answer each other.
            if (sa.ChildSpis.Count == 2)
            {
                Pair(flows, sa, sa.ChildSpis[0], sa.ChildSpis[1], ByQuickMode);
            }
        }
    }

    /// <summary>
    /// The initiator SPI that goes with a responder SPI: the only one offered, else the one whose ESP
    /// answers the responder SPI's flow (same addresses reversed), else the one at the same position.
    /// </summary>
    private static uint? ChosenInitiatorSpi(List<EspFlowState> flows, IkeSa sa, ChildSaNegotiation child, uint responderSpi, int index)
    {
        List<uint> offered = child.InitiatorSpis;
        if (offered.Count <= 1)
        {
            return offered.Count == 1 ? offered[0] : null;
        }

        EspFlow? forward = flows.Find(f => f.Flow.Spi == responderSpi && Between(f.Flow, sa))?.Flow;
        if (forward is not null)
        {
            foreach (EspFlowState state in flows)
            {
                EspFlow back = state.Flow;
                if (offered.Contains(back.Spi) && back.Source.Address == forward.Destination.Address && back.Destination.Address == forward.Source.Address)
                {
                    return back.Spi;
                }
            }
        }

        return index < offered.Count ? offered[index] : null;
    }

    private static void Pair(List<EspFlowState> flows, IkeSa sa, uint first, uint second, string how)
    {
        foreach (EspFlowState state in flows)
        {
            EspFlow flow = state.Flow;
            if (flow.PairedBy is not null || (flow.Spi != first && flow.Spi != second) || !Between(flow, sa))
            {
                continue;
            }

            flow.PairedSpi = flow.Spi == first ? second : first;
            flow.PairedBy = how;
            flow.IkeSaCookie = sa.InitiatorCookie;
            AddChildSpi(sa, flow.Spi);
            AddChildSpi(sa, flow.PairedSpi.Value);
        }
    }

    private static void PairByTiming(List<EspFlowState> flows, List<IkeSa> ikeSas)
    {
        // Unpaired flows in first-seen order; each finds the earliest unpaired flow coming back between the same addresses.
        for (int i = 0; i < flows.Count; i++)
        {
            EspFlow flow = flows[i].Flow;
            if (flow.PairedBy is not null)
            {
                continue;
            }

            (IkeSa? anchorSa, Timestamp? anchor) = LatestChildExchangeBefore(ikeSas, flow);
            for (int j = i + 1; j < flows.Count; j++)
            {
                EspFlow back = flows[j].Flow;
                if (back.PairedBy is not null || back.Encapsulation != flow.Encapsulation
                    || back.Source.Address != flow.Destination.Address || back.Destination.Address != flow.Source.Address)
                {
                    continue;
                }

                (IkeSa? backSa, Timestamp? backAnchor) = LatestChildExchangeBefore(ikeSas, back);
                if (anchor != backAnchor || !ReferenceEquals(anchorSa, backSa))
                {
                    continue;
                }

                string how = anchorSa is null ? ByAddressPair : ByTiming;
                if (anchorSa is null && (back.First.Time > flow.Last.Time || flow.First.Time > back.Last.Time))
                {
                    // Without a Quick Mode to anchor them, only flows alive at the same time are taken as one SA.
                    continue;
                }

                flow.PairedSpi = back.Spi;
                back.PairedSpi = flow.Spi;
                flow.PairedBy = how;
                back.PairedBy = how;
                if (anchorSa is not null)
                {
                    flow.IkeSaCookie = anchorSa.InitiatorCookie;
                    back.IkeSaCookie = anchorSa.InitiatorCookie;
                    AddChildSpi(anchorSa, flow.Spi);
                    AddChildSpi(anchorSa, back.Spi);
                }

                break;
            }
        }
    }

    /// <summary>The IKE SA between the flow's addresses whose last child-creating exchange (Quick Mode, CREATE_CHILD_SA, IKE_AUTH) started before the flow's first packet.</summary>
    private static (IkeSa? Sa, Timestamp? Start) LatestChildExchangeBefore(List<IkeSa> ikeSas, EspFlow flow)
    {
        IkeSa? best = null;
        Timestamp? bestStart = null;
        foreach (IkeSa sa in ikeSas)
        {
            if (!Between(flow, sa))
            {
                continue;
            }

            foreach (IkeExchange exchange in sa.Exchanges)
            {
                if (exchange.Kind is not (IkeExchangeKind.QuickMode or IkeExchangeKind.CreateChildSa or IkeExchangeKind.IkeAuth) || exchange.Messages.Count == 0)
                {
                    continue;
                }

                Timestamp start = exchange.Messages[0].Frame.Time;
                if (start <= flow.First.Time && (bestStart is null || start > bestStart.Value))
                {
                    best = sa;
                    bestStart = start;
                }
            }
        }

        return (best, bestStart);
    }

    private static void MarkOneWay(List<EspFlowState> flows)
    {
        foreach (EspFlowState state in flows)
        {
            EspFlow flow = state.Flow;
            bool answered = false;
            foreach (EspFlowState other in flows)
            {
                EspFlow back = other.Flow;
                if (back.Packets == 0 || back.Source.Address != flow.Destination.Address || back.Destination.Address != flow.Source.Address)
                {
                    continue;
                }

                if (flow.PairedSpi is not uint paired || back.Spi == paired)
                {
                    answered = true;
                    break;
                }
            }

            flow.OneWay = !answered;
        }
    }

    private static void MarkDeletes(List<EspFlowState> flows, List<IkeSa> ikeSas)
    {
        foreach (IkeSa sa in ikeSas)
        {
            foreach (IkeDeleteObservation delete in sa.Deletes)
            {
                if (!IsIpsecProtocol(delete.Protocol))
                {
                    continue;
                }

                foreach (string text in delete.Spis)
                {
                    if (!TryParseSpi(text, out uint spi))
                    {
                        continue;
                    }

                    foreach (EspFlowState state in flows)
                    {
                        EspFlow flow = state.Flow;
                        bool deleted = (flow.Spi == spi || flow.PairedSpi == spi) && Between(flow, sa);
                        if (!deleted || (flow.DeleteFrame is FrameRef earlier && earlier.Frame <= delete.Frame.Frame))
                        {
                            continue;
                        }

                        (long count, FrameRef? first) = state.After(delete.Frame.Frame);
                        flow.DeleteFrame = delete.Frame;
                        flow.PacketsAfterDelete = count;
                        flow.FirstAfterDelete = first;
                    }
                }
            }
        }
    }

    private static void MarkWithoutIkeSa(List<EspFlowState> flows, List<IkeSa> ikeSas)
    {
        foreach (EspFlowState state in flows)
        {
            bool found = false;
            foreach (IkeSa sa in ikeSas)
            {
                if (Between(state.Flow, sa))
                {
                    found = true;
                    break;
                }
            }

            state.Flow.WithoutIkeSa = !found;
        }
    }

    private static bool Between(EspFlow flow, IkeSa sa)
    {
        NetAddress a = sa.Initiator.Address;
        NetAddress b = sa.Responder.Address;
        NetAddress from = flow.Source.Address;
        NetAddress to = flow.Destination.Address;
        return (from == a && to == b) || (from == b && to == a);
    }

    private static void AddChildSpi(IkeSa sa, uint spi)
    {
        if (!sa.ChildSpis.Contains(spi))
        {
            sa.ChildSpis.Add(spi);
        }
    }

    private static bool IsIpsecProtocol(string protocol) =>
        protocol.Contains("ESP", StringComparison.OrdinalIgnoreCase) || protocol.Contains("AH", StringComparison.OrdinalIgnoreCase);

    /// <summary>SPIs as the IKE stage writes them: hex, with or without 0x (the usual notation for SPIs).</summary>
    internal static bool TryParseSpi(string text, out uint spi)
    {
        ReadOnlySpan<char> span = text.AsSpan().Trim();
        if (span.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        return uint.TryParse(span, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out spi);
    }
}
