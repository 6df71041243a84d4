using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Esp;

/// <summary>
/// Lookups over one capture's flows and IKE SAs: by SPI, by directed address pair, and the IKE SAs
/// per unordered address pair, so that pairing stays near-linear on server captures with many flows.
/// </summary>
internal sealed class EspFlowIndex
{
    private static readonly List<EspFlowState> NoFlows = [];
    private static readonly List<IkeSa> NoSas = [];

    private readonly Dictionary<uint, List<EspFlowState>> _bySpi = [];
    private readonly Dictionary<(NetAddress From, NetAddress To), List<EspFlowState>> _byDirection = [];
    private readonly Dictionary<(NetAddress, NetAddress), List<IkeSa>> _sasByPeers = [];
    private readonly Dictionary<uint, List<EspFlowState>> _byPairedSpi = [];

    public EspFlowIndex(List<EspFlowState> flows, List<IkeSa> ikeSas)
    {
        foreach (EspFlowState state in flows)
        {
            Add(_bySpi, state.Flow.Spi, state);
            Add(_byDirection, (state.Flow.Source.Address, state.Flow.Destination.Address), state);
        }

        foreach (IkeSa sa in ikeSas)
        {
            Add(_sasByPeers, Peers(sa.Initiator.Address, sa.Responder.Address), sa);
        }
    }

    public List<EspFlowState> WithSpi(uint spi) => _bySpi.GetValueOrDefault(spi) ?? NoFlows;

    /// <summary>Flows paired with <paramref name="spi"/>; valid after <see cref="IndexPairs"/>.</summary>
    public List<EspFlowState> PairedWith(uint spi) => _byPairedSpi.GetValueOrDefault(spi) ?? NoFlows;

    /// <summary>Indexes the pairs once pairing is done.</summary>
    public void IndexPairs(List<EspFlowState> flows)
    {
        _byPairedSpi.Clear();
        foreach (EspFlowState state in flows)
        {
            if (state.Flow.PairedSpi is uint paired)
            {
                Add(_byPairedSpi, paired, state);
            }
        }
    }

    /// <summary>Flows from <paramref name="from"/> to <paramref name="to"/>, in first-seen order.</summary>
    public List<EspFlowState> Between(NetAddress from, NetAddress to) => _byDirection.GetValueOrDefault((from, to)) ?? NoFlows;

    /// <summary>IKE SAs between the flow's two addresses, either way round.</summary>
    public List<IkeSa> SasFor(EspFlow flow) => _sasByPeers.GetValueOrDefault(Peers(flow.Source.Address, flow.Destination.Address)) ?? NoSas;

    private static (NetAddress, NetAddress) Peers(NetAddress a, NetAddress b) => a < b ? (a, b) : (b, a);

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out List<TValue>? list))
        {
            list = [];
            index.Add(key, list);
        }

        list.Add(value);
    }
}
