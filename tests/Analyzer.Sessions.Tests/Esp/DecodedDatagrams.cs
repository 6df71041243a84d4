using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>
/// A capture run through the real decode stage (<see cref="CaptureDecoder"/>), its VPN datagrams
/// copied out so tests can replay, cut or flip them.
/// </summary>
internal static class DecodedDatagrams
{
    public static List<CapturedDatagram> Read(string path)
    {
        var sink = new CollectingSink();
        var input = new AnalysisInput(0, path, Path.GetFileName(path), InputKind.Unknown);
        CaptureDecoder.Decode(input, sink, AnalysisLimits.Default, CancellationToken.None);
        return sink.Datagrams;
    }

    private sealed class CollectingSink : IVpnTrafficSink
    {
        public List<CapturedDatagram> Datagrams { get; } = [];

        public void OnDatagram(in VpnDatagram datagram) =>
            Datagrams.Add(new CapturedDatagram(datagram.Frame, datagram.Kind, datagram.Source, datagram.Destination,
                datagram.Payload.ToArray(), datagram.WireLength, datagram.Flags, datagram.IpPacket.ToArray()));

        public void OnIncompleteDatagram(IncompleteIpDatagram datagram)
        {
        }

        public void OnDiagnostic(InputDiagnostic diagnostic)
        {
        }
    }
}
