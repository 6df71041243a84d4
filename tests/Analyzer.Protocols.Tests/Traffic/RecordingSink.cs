using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Protocols.Tests.Traffic;

/// <summary>One delivered datagram, copied out of the ref struct so tests can look at it afterwards.</summary>
public sealed record RecordedDatagram(
    long Frame,
    TrafficKind Kind,
    NetEndpoint Source,
    NetEndpoint Destination,
    byte[] Payload,
    int WireLength,
    DatagramFlags Flags,
    int FragmentCount,
    byte HopLimit,
    Timestamp Time,
    uint TcpSequence = 0);

/// <summary>A sink that keeps everything it is given.</summary>
public sealed class RecordingSink : IVpnTrafficSink
{
    public List<RecordedDatagram> Datagrams { get; } = [];

    public List<IncompleteIpDatagram> Incomplete { get; } = [];

    public List<InputDiagnostic> Diagnostics { get; } = [];

    public void OnDatagram(in VpnDatagram datagram) =>
        Datagrams.Add(new RecordedDatagram(datagram.Frame.Frame, datagram.Kind, datagram.Source, datagram.Destination,
            datagram.Payload.ToArray(), datagram.WireLength, datagram.Flags, datagram.FragmentCount, datagram.HopLimit,
            datagram.Frame.Time, datagram.TcpSequenceNumber));

    public void OnIncompleteDatagram(IncompleteIpDatagram datagram) => Incomplete.Add(datagram);

    public void OnDiagnostic(InputDiagnostic diagnostic) => Diagnostics.Add(diagnostic);
}
