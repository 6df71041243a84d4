using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Esp;

/// <summary>
/// The one answer to "which IKE SA does this ESP flow belong to", stored on the flow
/// (<see cref="EspFlow.IkeSa"/>) for facts, correlation and the report to read. Pairing settles
/// the flows a Quick Mode or timing ties to an SA; the rest go to the first SA whose child SPIs name
/// them, else to the latest SA between the same addresses that started by the flow's first packet,
/// else to the first SA between them.
/// </summary>
public static class EspFlowOwnership
{
    public static void Assign(IEnumerable<EspFlow> flows, IReadOnlyList<IkeSa> sas)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(sas);
        var firstByChildSpi = new Dictionary<uint, IkeSa>();
        var byPeers = new Dictionary<(NetAddress, NetAddress), List<IkeSa>>();
        foreach (IkeSa sa in sas)
        {
            foreach (uint spi in sa.ChildSpis)
            {
                firstByChildSpi.TryAdd(spi, sa);
            }

            var peers = Peers(sa.Initiator.Address, sa.Responder.Address);
            if (!byPeers.TryGetValue(peers, out List<IkeSa>? list))
            {
                list = [];
                byPeers[peers] = list;
            }

            list.Add(sa);
        }

        foreach (EspFlow flow in flows)
        {
            flow.IkeSa ??= firstByChildSpi.GetValueOrDefault(flow.Spi)
                ?? LatestStartedBefore(byPeers.GetValueOrDefault(Peers(flow.Source.Address, flow.Destination.Address)), flow);
        }
    }

    private static IkeSa? LatestStartedBefore(List<IkeSa>? between, EspFlow flow)
    {
        if (between is null)
        {
            return null;
        }

        for (int i = between.Count - 1; i >= 0; i--)
        {
            if (between[i].FirstFrame.Time <= flow.First.Time)
            {
                return between[i];
            }
        }

        return between[0];
    }

    private static (NetAddress, NetAddress) Peers(NetAddress a, NetAddress b) => a <= b ? (a, b) : (b, a);
}
