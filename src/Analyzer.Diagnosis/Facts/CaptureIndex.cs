using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// One capture's SAs and flows grouped by the two addresses they run between,
/// built once. Fact builders ask "what else ran between these peers?" for every SA, flow and
/// tunnel; answering by scanning the whole capture made a server capture with tens of thousands of
/// negotiations quadratic.
/// </summary>
internal sealed class CaptureIndex
{
    private static readonly List<IkeSa> NoSas = [];
    private static readonly List<EspFlow> NoFlows = [];

    private readonly Dictionary<(NetAddress Low, NetAddress High), List<IkeSa>> _sasByPeers = [];
    private readonly Dictionary<NetAddress, List<IkeSa>> _natInitiatedByResponder = [];
    private readonly Dictionary<(NetAddress Low, NetAddress High), (int Count, Timestamp First, Timestamp Last)> _establishedByPeers = [];
    private readonly Dictionary<(NetAddress Source, NetAddress Destination, bool Ah), long> _packetsByDirection = [];
    private readonly Dictionary<IkeSa, List<EspFlow>> _flowsBySa = new(ReferenceEqualityComparer.Instance);

    public CaptureIndex(CaptureModel capture)
    {
        for (int i = 0; i < capture.IkeSas.Count; i++)
        {
            IkeSa sa = capture.IkeSas[i];
            Add(_sasByPeers, Peers(sa.Initiator.Address, sa.Responder.Address), sa);
            if (sa.Nat.InitiatorBehindNat == true)
            {
                Add(_natInitiatedByResponder, sa.Responder.Address, sa);
            }

            if (sa.State is IkeSaState.Established or IkeSaState.Deleted)
            {
                var peers = Peers(sa.Initiator.Address, sa.Responder.Address);
                Timestamp time = sa.FirstFrame.Time;
                _establishedByPeers[peers] = _establishedByPeers.TryGetValue(peers, out var seen)
                    ? (seen.Count + 1, time < seen.First ? time : seen.First, time > seen.Last ? time : seen.Last)
                    : (1, time, time);
                EarliestEstablishedStart = EarliestEstablishedStart is Timestamp earliest && earliest <= time ? earliest : time;
            }
        }

        foreach (EspFlow flow in capture.EspFlows)
        {
            var direction = (flow.Source.Address, flow.Destination.Address, flow.Encapsulation == EspEncapsulation.Ah);
            _packetsByDirection[direction] = _packetsByDirection.GetValueOrDefault(direction) + flow.Packets;
            if (flow.IkeSa is IkeSa owner)
            {
                Add(_flowsBySa, owner, flow);
            }
        }
    }

    /// <summary>When the first SA of the capture that got established started; null when none did.</summary>
    public Timestamp? EarliestEstablishedStart { get; }

    /// <summary>SAs between the two addresses, either way round, in capture order.</summary>
    public IReadOnlyList<IkeSa> SasBetween(NetAddress a, NetAddress b) => _sasByPeers.GetValueOrDefault(Peers(a, b)) ?? NoSas;

    /// <summary>SAs to this responder whose initiator the NAT-D hashes put behind a NAT, in capture order.</summary>
    public IReadOnlyList<IkeSa> NatInitiatedSasTo(NetAddress responder) => _natInitiatedByResponder.GetValueOrDefault(responder) ?? NoSas;

    /// <summary>How many SAs between the two addresses got established, and seconds from the first one's start to the last one's.</summary>
    public (int Count, double SpanSeconds) EstablishedBetween(NetAddress a, NetAddress b) =>
        _establishedByPeers.TryGetValue(Peers(a, b), out var seen) ? (seen.Count, seen.Last.SecondsSince(seen.First)) : (0, 0);

    /// <summary>Packets of all ESP flows (or all AH flows) from one address to another.</summary>
    public long PacketsFrom(NetAddress source, NetAddress destination, bool ah) => _packetsByDirection.GetValueOrDefault((source, destination, ah));

    /// <summary>The ESP flows that belong to this SA, in capture order.</summary>
    public IReadOnlyList<EspFlow> FlowsOf(IkeSa sa) => _flowsBySa.GetValueOrDefault(sa) ?? NoFlows;

    private static (NetAddress Low, NetAddress High) Peers(NetAddress a, NetAddress b) => a <= b ? (a, b) : (b, a);

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key, TValue value)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out List<TValue>? list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(value);
    }
}
