using Analyzer.Core;
using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>Runs a capture through vpndiag's own decoder into an <see cref="IkeSaTracker"/>: the end-to-end path.</summary>
internal sealed class DecodedCapture : IVpnTrafficSink
{
    private readonly IkeSaTracker _tracker;
    private readonly CaptureModel _model;

    private DecodedCapture(AnalysisInput input, IkeKeyTable? keys, AnalysisLimits limits)
    {
        _tracker = new IkeSaTracker(input, limits, keys);
        _model = new CaptureModel(input);
    }

    public static CaptureModel Reconstruct(string capture, IkeKeyTable? keys = null, AnalysisLimits? limits = null)
    {
        var input = new AnalysisInput(0, capture, Path.GetFileName(capture), InputKind.Pcap);
        var sink = new DecodedCapture(input, keys, limits ?? AnalysisLimits.Default);
        CaptureDecoder.Decode(input, sink, AnalysisLimits.Default, CancellationToken.None);
        sink._tracker.Complete(sink._model);
        return sink._model;
    }

    public void OnDatagram(in VpnDatagram datagram)
    {
        if (datagram.Kind is TrafficKind.Ike or TrafficKind.IkeNatT)
        {
            _tracker.Observe(datagram);
        }

        if (_model.Statistics.LastTime is not Timestamp last || datagram.Frame.Time > last)
        {
            _model.Statistics.LastTime = datagram.Frame.Time;
        }
    }

    public void OnIncompleteDatagram(IncompleteIpDatagram datagram)
    {
        _model.IncompleteDatagrams.Add(datagram);
        _tracker.ObserveIncomplete(datagram);
    }

    public void OnDiagnostic(InputDiagnostic diagnostic) => _model.Diagnostics.Add(diagnostic);
}
