using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Fuzz;

/// <summary>
/// Builds a seed for a datagram target from a real capture: the payloads of one traffic kind, in
/// frame order, in <see cref="DatagramFraming"/>. Uses vpndiag's own decode stage, so the seeds are
/// exactly what the tracker sees on real traffic.
/// </summary>
public sealed class SeedExtractor(Stream output, TrafficKind wanted) : IVpnTrafficSink
{
    public int Written { get; private set; }

    public static int Extract(string capture, TrafficKind wanted, string seedPath)
    {
        using var output = new FileStream(seedPath, FileMode.Create, FileAccess.Write);
        var sink = new SeedExtractor(output, wanted);
        CaptureDecoder.Decode(new AnalysisInput(0, capture, Path.GetFileName(capture), InputKind.Unknown), sink,
            AnalysisLimits.Default, CancellationToken.None);
        return sink.Written;
    }

    public void OnDatagram(in VpnDatagram datagram)
    {
        if (datagram.Kind == wanted)
        {
            DatagramFraming.Write(output, datagram.Payload);
            Written++;
        }
    }

    public void OnIncompleteDatagram(IncompleteIpDatagram datagram)
    {
    }

    public void OnDiagnostic(InputDiagnostic diagnostic)
    {
    }
}
