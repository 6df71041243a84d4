using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>A VPN datagram with its bytes owned, so tests can keep a capture's datagrams and replay them.</summary>
internal sealed record CapturedDatagram(
    FrameRef Frame,
    TrafficKind Kind,
    NetEndpoint Source,
    NetEndpoint Destination,
    byte[] Payload,
    int WireLength,
    DatagramFlags Flags,
    byte[] IpPacket)
{
    public VpnDatagram ToDatagram() =>
        new(Frame, Kind, Source, Destination, Payload, WireLength, Flags, IpPacket, 0, 64, 1);
}
