using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Esp;

/// <summary>
/// Ties counted flows to IKE: the two directions of one IPsec SA (exactly from a decrypted child SA
/// negotiation: Quick Mode, IKE_AUTH or CREATE_CHILD_SA; else by timing after one between the same
/// addresses, else by address pair),
/// one-way flows, packets after a Delete, and ESP between addresses no IKE SA was seen for.
/// </summary>
internal static class EspFlowPairing
{
    /// <summary>How long after one direction's last packet the other may start and still count as its answer.</summary>
    private const double AnswerSeconds = 10;

    public static void Apply(List<EspFlowState> flows, List<IkeSa> ikeSas)
    {
        var index = new EspFlowIndex(flows, ikeSas);
        PairFromQuickModes(index, ikeSas);
        PairByTiming(flows, index);
        index.IndexPairs(flows);
        MarkOneWay(flows, index);
        MarkDeletes(index, ikeSas);
        EspFlowOwnership.Assign(flows.Select(state => state.Flow), ikeSas);
        foreach (EspFlowState state in flows)
        {
            state.Flow.WithoutIkeSa = state.Flow.IkeSa is null;
        }
    }

    private static void PairFromQuickModes(EspFlowIndex index, List<IkeSa> ikeSas)
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
                    if (ChosenInitiatorSpi(index, sa, child, responderSpi, i) is uint chosen)
                    {
                        Pair(index, sa, responderSpi, chosen, NegotiatedBy(exchange.Kind));
                    }
                }
            }

            // SPIs the IKE stage tied to the SA without saying which side owns them: pair when exactly two flows answer each other.
            if (sa.ChildSpis.Count == 2)
            {
                Pair(index, sa, sa.ChildSpis[0], sa.ChildSpis[1], NegotiatedBy(NegotiationOf(sa, sa.ChildSpis[0])));
            }
        }
    }

    /// <summary>The exchange that named the SPIs: Quick Mode in IKEv1, IKE_AUTH or CREATE_CHILD_SA in IKEv2.</summary>
    private static EspPairing NegotiatedBy(IkeExchangeKind kind) => kind switch
    {
        IkeExchangeKind.IkeAuth => EspPairing.IkeAuth,
        IkeExchangeKind.CreateChildSa => EspPairing.CreateChildSa,
        _ => EspPairing.QuickMode,
    };

    /// <summary>The child SA exchange whose proposals carried <paramref name="spi"/>; by version when none holds it.</summary>
    private static IkeExchangeKind NegotiationOf(IkeSa sa, uint spi)
    {
        foreach (IkeExchange exchange in sa.Exchanges)
        {
            if (exchange.ChildSa is { } child && (child.InitiatorSpis.Contains(spi) || child.ResponderSpis.Contains(spi)))
            {
                return exchange.Kind;
            }
        }

        return sa.Version == 2 ? IkeExchangeKind.IkeAuth : IkeExchangeKind.QuickMode;
    }

    /// <summary>
    /// The initiator SPI that goes with a responder SPI: the only one offered, else the one whose ESP
    /// answers the responder SPI's flow (same addresses reversed), else the one at the same position.
    /// </summary>
    private static uint? ChosenInitiatorSpi(EspFlowIndex index, IkeSa sa, ChildSaNegotiation child, uint responderSpi, int position)
    {
        List<uint> offered = child.InitiatorSpis;
        if (offered.Count <= 1)
        {
            return offered.Count == 1 ? offered[0] : null;
        }

        foreach (EspFlowState forward in index.WithSpi(responderSpi))
        {
            if (!IsBetween(forward.Flow, sa))
            {
                continue;
            }

            foreach (EspFlowState back in index.Between(forward.Flow.Destination.Address, forward.Flow.Source.Address))
            {
                if (offered.Contains(back.Flow.Spi))
                {
                    return back.Flow.Spi;
                }
            }
        }

        return position < offered.Count ? offered[position] : null;
    }

    private static void Pair(EspFlowIndex index, IkeSa sa, uint first, uint second, EspPairing how)
    {
        foreach (uint spi in (ReadOnlySpan<uint>)[first, second])
        {
            foreach (EspFlowState state in index.WithSpi(spi))
            {
                EspFlow flow = state.Flow;
                if (flow.PairedBy is not null || !IsBetween(flow, sa))
                {
                    continue;
                }

                flow.PairedSpi = spi == first ? second : first;
                flow.PairedBy = how;
                flow.IkeSa = sa;
                AddChildSpi(sa, flow.Spi);
                AddChildSpi(sa, flow.PairedSpi.Value);
            }

            if (first == second)
            {
                break;
            }
        }
    }

    private static void PairByTiming(List<EspFlowState> flows, EspFlowIndex index)
    {
        // Unpaired flows in first-seen order; each takes the earliest unpaired flow coming back between the same addresses.
        foreach (EspFlowState state in flows)
        {
            EspFlow flow = state.Flow;
            if (flow.PairedBy is not null)
            {
                continue;
            }

            (IkeSa? anchorSa, Timestamp? anchor) = LatestChildExchangeBefore(index.SasFor(flow), flow);
            foreach (EspFlowState candidate in index.Between(flow.Destination.Address, flow.Source.Address))
            {
                EspFlow back = candidate.Flow;
                if (back.PairedBy is not null || back.Encapsulation != flow.Encapsulation || back.First.Frame < flow.First.Frame)
                {
                    continue;
                }

                (IkeSa? backSa, Timestamp? backAnchor) = LatestChildExchangeBefore(index.SasFor(back), back);
                if (anchor != backAnchor || !ReferenceEquals(anchorSa, backSa))
                {
                    continue;
                }

                if (anchorSa is null && (back.First.Time > flow.Last.Time.AddSeconds(AnswerSeconds) || flow.First.Time > back.Last.Time.AddSeconds(AnswerSeconds)))
                {
                    // Without a Quick Mode to anchor them, only flows alive at (nearly) the same time are taken as one SA.
                    continue;
                }

                EspPairing how = anchorSa is null ? EspPairing.AddressPair : EspPairing.Timing;
                flow.PairedSpi = back.Spi;
                back.PairedSpi = flow.Spi;
                flow.PairedBy = how;
                back.PairedBy = how;
                if (anchorSa is not null)
                {
                    flow.IkeSa = anchorSa;
                    back.IkeSa = anchorSa;
                    AddChildSpi(anchorSa, flow.Spi);
                    AddChildSpi(anchorSa, back.Spi);
                }

                break;
            }
        }
    }

    /// <summary>The IKE SA whose last child-creating exchange (Quick Mode, CREATE_CHILD_SA, IKE_AUTH) started before the flow's first packet.</summary>
    private static (IkeSa? Sa, Timestamp? Start) LatestChildExchangeBefore(List<IkeSa> sas, EspFlow flow)
    {
        IkeSa? best = null;
        Timestamp? bestStart = null;
        foreach (IkeSa sa in sas)
        {
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

    private static void MarkOneWay(List<EspFlowState> flows, EspFlowIndex index)
    {
        foreach (EspFlowState state in flows)
        {
            EspFlow flow = state.Flow;
            bool answered = false;
            foreach (EspFlowState other in index.Between(flow.Destination.Address, flow.Source.Address))
            {
                EspFlow back = other.Flow;
                if (back.Packets > 0 && (flow.PairedSpi is not uint paired || back.Spi == paired))
                {
                    answered = true;
                    break;
                }
            }

            flow.OneWay = !answered;
        }
    }

    private static void MarkDeletes(EspFlowIndex index, List<IkeSa> ikeSas)
    {
        foreach (IkeSa sa in ikeSas)
        {
            foreach (IkeDeleteObservation delete in sa.Deletes)
            {
                if (delete.Protocol is not (SecurityProtocol.Esp or SecurityProtocol.Ah))
                {
                    continue;
                }

                foreach (string text in delete.Spis)
                {
                    if (!TryParseSpi(text, out uint spi))
                    {
                        continue;
                    }

                    // A Delete names one SPI; it removes the SA's other direction too.
                    foreach (EspFlowState state in index.WithSpi(spi))
                    {
                        MarkDeleted(state, sa, delete);
                    }

                    foreach (EspFlowState partner in index.PairedWith(spi))
                    {
                        MarkDeleted(partner, sa, delete);
                    }
                }
            }
        }
    }

    private static void MarkDeleted(EspFlowState state, IkeSa sa, IkeDeleteObservation delete)
    {
        EspFlow flow = state.Flow;
        if (!IsBetween(flow, sa) || (flow.DeleteFrame is FrameRef earlier && earlier.Frame <= delete.Frame.Frame))
        {
            return;
        }

        (long count, FrameRef? first) = state.After(delete.Frame.Frame);
        flow.DeleteFrame = delete.Frame;
        flow.PacketsAfterDelete = count;
        flow.FirstAfterDelete = first;
    }

    private static bool IsBetween(EspFlow flow, IkeSa sa)
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
