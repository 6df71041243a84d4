using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.L2tp;

namespace Analyzer.Fuzz;

/// <summary>
/// Targets that hand UDP payloads straight to a session tracker, skipping the capture layers so the
/// fuzzer spends its time inside the protocol. The input is a sequence of messages, each a 16-bit
/// big-endian length and that many bytes (see <see cref="DatagramFraming"/>); messages alternate
/// direction between 192.0.2.10 and 198.51.100.1.
/// </summary>
public static class DatagramTargets
{
    private static readonly AnalysisInput Input = new(0, "fuzz.pcap", "fuzz.pcap", InputKind.Pcap);
    private static readonly NetEndpoint Client = new(NetAddress.FromV4(0xC000020A), 0);
    private static readonly NetEndpoint Server = new(NetAddress.FromV4(0xC6336401), 0);

    /// <summary>ISAKMP/IKEv2 messages on UDP 500 into the IKE SA tracker, then completion.</summary>
    public static void Ike(ReadOnlySpan<byte> input)
    {
        var tracker = new IkeSaTracker(Input, FuzzLimits.Low, keys: null);
        Feed(input, TrafficKind.Ike, 500, (in VpnDatagram datagram) => tracker.Observe(datagram));
        tracker.Complete(new CaptureModel(Input));
    }

    /// <summary>L2TP messages on UDP 1701 (control, and data carrying PPP) into the tunnel tracker.</summary>
    public static void L2tp(ReadOnlySpan<byte> input)
    {
        var tracker = new L2tpTunnelTracker(Input, FuzzLimits.Low);
        Feed(input, TrafficKind.L2tp, 1701, (in VpnDatagram datagram) => tracker.Observe(datagram));
        tracker.Complete(new CaptureModel(Input));
    }

    private delegate void Observer(in VpnDatagram datagram);

    private static void Feed(ReadOnlySpan<byte> input, TrafficKind kind, ushort port, Observer observe)
    {
        var framing = new DatagramFraming(input);
        long frame = 0;
        while (framing.TryNext(out ReadOnlySpan<byte> payload))
        {
            frame++;
            bool fromClient = (frame & 1) == 1;
            NetEndpoint source = (fromClient ? Client : Server) with { Port = port };
            NetEndpoint destination = (fromClient ? Server : Client) with { Port = port };
            var reference = new FrameRef(0, frame, Timestamp.FromUnix(1_790_000_000 + frame, 0, 6));
            var datagram = new VpnDatagram(reference, kind, source, destination, payload, payload.Length,
                default, ReadOnlySpan<byte>.Empty, (ushort)frame, 64, 1);
            observe(datagram);
        }
    }
}
