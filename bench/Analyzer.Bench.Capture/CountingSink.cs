using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Bench.Capture;

/// <summary>A sink that only counts, so the benchmark measures decoding and not what a session stage does.</summary>
internal sealed class CountingSink : IVpnTrafficSink
{
    public long Datagrams { get; private set; }

    public long PayloadBytes { get; private set; }

    public long Incomplete { get; private set; }

    public long Diagnostics { get; private set; }

    public void OnDatagram(in VpnDatagram datagram)
    {
        Datagrams++;
        PayloadBytes += datagram.Payload.Length;
    }

    public void OnIncompleteDatagram(IncompleteIpDatagram datagram) => Incomplete++;

    public void OnDiagnostic(InputDiagnostic diagnostic) => Diagnostics++;
}
