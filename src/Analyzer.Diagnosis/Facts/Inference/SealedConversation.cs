using Analyzer.Core;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.Sealed;

namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>
/// The ESP packets between two endpoints of one capture, in time order, with the IKE SA that
/// negotiated them where the capture holds it: the unit every ESP inference reads.
/// </summary>
internal sealed class SealedConversation
{
    private SealedConversation(NetEndpoint client, NetEndpoint server, IkeSa? sa, List<SealedPacket> packets)
    {
        Client = client;
        Server = server;
        Sa = sa;
        Packets = packets;
    }

    public NetEndpoint Client { get; }

    public NetEndpoint Server { get; }

    /// <summary>The last IKE SA between the two endpoints that began before the first packet, if any.</summary>
    public IkeSa? Sa { get; }

    /// <summary>Both directions, in capture order.</summary>
    public List<SealedPacket> Packets { get; }

    public int IkeVersion => Sa?.Version ?? 0;

    /// <summary>L2TP/IPsec is IKEv1 (RFC 3193); IKEv2 remote access carries IP directly.</summary>
    public bool CarriesL2tp => Sa?.Version == 1;

    public bool FromClient(in SealedPacket packet) => packet.Source == Client;

    /// <summary>Groups a capture's ESP packets by endpoint pair; the client is the IKE initiator, else the first sender.</summary>
    public static List<SealedConversation> Of(IReadOnlyList<SealedPacket> packets, IReadOnlyList<IkeSa> sas)
    {
        var byPair = new Dictionary<(NetEndpoint, NetEndpoint), List<SealedPacket>>();
        var order = new List<(NetEndpoint, NetEndpoint)>();
        foreach (SealedPacket packet in packets)
        {
            // Either direction finds the pair; only a new pair is put in its canonical order, which
            // formats both endpoints (formatting every packet's cost most of this stage on 200 MB).
            if (!byPair.TryGetValue((packet.Source, packet.Destination), out List<SealedPacket>? list)
                && !byPair.TryGetValue((packet.Destination, packet.Source), out list))
            {
                (NetEndpoint, NetEndpoint) key = Order(packet.Source, packet.Destination);
                list = [];
                byPair.Add(key, list);
                order.Add(key);
            }

            list.Add(packet);
        }

        var conversations = new List<SealedConversation>(order.Count);
        foreach ((NetEndpoint, NetEndpoint) key in order)
        {
            List<SealedPacket> list = byPair[key];
            IkeSa? sa = Negotiator(sas, list[0]);
            NetEndpoint client = sa is not null && SameHost(sa.Initiator, list[0]) ? Pick(sa.Initiator, list[0]) : list[0].Source;
            NetEndpoint server = client == list[0].Source ? list[0].Destination : list[0].Source;
            conversations.Add(new SealedConversation(client, server, sa, list));
        }

        return conversations;
    }

    private static (NetEndpoint, NetEndpoint) Order(NetEndpoint a, NetEndpoint b) =>
        string.CompareOrdinal(a.ToString(), b.ToString()) <= 0 ? (a, b) : (b, a);

    private static IkeSa? Negotiator(IReadOnlyList<IkeSa> sas, in SealedPacket first)
    {
        IkeSa? best = null;
        foreach (IkeSa sa in sas)
        {
            bool between = (sa.Initiator.Address == first.Source.Address && sa.Responder.Address == first.Destination.Address)
                || (sa.Initiator.Address == first.Destination.Address && sa.Responder.Address == first.Source.Address);
            if (between && sa.Messages.Count > 0 && sa.FirstFrame.Time <= first.Time && (best is null || sa.FirstFrame.Time > best.FirstFrame.Time))
            {
                best = sa;
            }
        }

        return best;
    }

    private static bool SameHost(NetEndpoint initiator, in SealedPacket packet) =>
        initiator.Address == packet.Source.Address || initiator.Address == packet.Destination.Address;

    // ESP on UDP 4500 uses the IKE SA's floated ports, so the initiator's endpoint is the packet's.
    private static NetEndpoint Pick(NetEndpoint initiator, in SealedPacket packet) =>
        initiator.Address == packet.Source.Address ? packet.Source : packet.Destination;
}
