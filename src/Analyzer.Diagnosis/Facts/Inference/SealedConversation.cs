using Analyzer.Core;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions;
using Analyzer.Sessions.Sealed;

namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>
/// The ESP packets between two endpoints of one capture, in time order, with the IKE SA that
/// negotiated them where the capture holds it: the unit every ESP inference reads.
/// </summary>
internal sealed class SealedConversation
{
    private readonly SealedPath _path;

    private SealedConversation(SealedPath path, NetEndpoint client, NetEndpoint server, IkeSa? sa)
    {
        _path = path;
        Client = client;
        Server = server;
        Sa = sa;
    }

    public NetEndpoint Client { get; }

    public NetEndpoint Server { get; }

    /// <summary>The last IKE SA between the two endpoints that began before the first packet, if any.</summary>
    public IkeSa? Sa { get; }

    /// <summary>Both directions, in capture order (the session stage's list, not a copy).</summary>
    public ChunkedList<SealedPacket> Packets => _path.Packets;

    public int IkeVersion => Sa?.Version ?? 0;

    /// <summary>L2TP/IPsec is IKEv1 (RFC 3193); IKEv2 remote access carries IP directly.</summary>
    public bool CarriesL2tp => Sa?.Version == 1;

    public bool FromClient(in SealedPacket packet) => _path.SourceOf(packet) == Client;

    public NetEndpoint SourceOf(in SealedPacket packet) => _path.SourceOf(packet);

    public NetEndpoint DestinationOf(in SealedPacket packet) => _path.DestinationOf(packet);

    /// <summary>One conversation per endpoint pair the session stage grouped; the client is the IKE initiator, else the first sender.</summary>
    public static List<SealedConversation> Of(SealedTraffic traffic, IReadOnlyList<IkeSa> sas)
    {
        var conversations = new List<SealedConversation>(traffic.Paths.Count);
        foreach (SealedPath path in traffic.Paths)
        {
            if (path.Packets.Count == 0)
            {
                continue;
            }

            SealedPacket first = path.Packets[0];
            IkeSa? sa = Negotiator(sas, path.First, path.Second, first.Time);
            NetEndpoint client = sa is not null && SameHost(sa.Initiator, path) ? Pick(sa.Initiator, path) : path.First;
            NetEndpoint server = client == path.First ? path.Second : path.First;
            conversations.Add(new SealedConversation(path, client, server, sa));
        }

        return conversations;
    }

    private static IkeSa? Negotiator(IReadOnlyList<IkeSa> sas, NetEndpoint source, NetEndpoint destination, Timestamp time)
    {
        IkeSa? best = null;
        foreach (IkeSa sa in sas)
        {
            bool between = (sa.Initiator.Address == source.Address && sa.Responder.Address == destination.Address)
                || (sa.Initiator.Address == destination.Address && sa.Responder.Address == source.Address);
            if (between && sa.Messages.Count > 0 && sa.FirstFrame.Time <= time && (best is null || sa.FirstFrame.Time > best.FirstFrame.Time))
            {
                best = sa;
            }
        }

        return best;
    }

    private static bool SameHost(NetEndpoint initiator, SealedPath path) =>
        initiator.Address == path.First.Address || initiator.Address == path.Second.Address;

    // ESP on UDP 4500 uses the IKE SA's floated ports, so the initiator's endpoint is the packet's.
    private static NetEndpoint Pick(NetEndpoint initiator, SealedPath path) =>
        initiator.Address == path.First.Address ? path.First : path.Second;
}
