using System.Globalization;
using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// IKE messages the capture itself cut short (captured length below the length on the wire: tcpdump's
/// <c>-s</c>). Such a message is not damaged, and its missing tail is not a protocol fault: it is a
/// limit of the capture, told once per capture with the first such frame.
/// </summary>
internal sealed class SnapLengthCuts
{
    private long _count;
    private FrameRef _first;
    private int _firstCaptured;
    private int _firstOnWire;

    public void Note(FrameRef frame, int captured, int onWire)
    {
        if (_count++ == 0)
        {
            _first = frame;
            _firstCaptured = captured;
            _firstOnWire = onWire;
        }
    }

    public void MoveTo(List<InputDiagnostic> diagnostics, string displayName, CaptureStatistics statistics)
    {
        if (_count == 0)
        {
            return;
        }

        // Typed for the attempts and the verdict: a cut payload is missing evidence, not a failure.
        statistics.IkeMessagesCut = _count;
        statistics.FirstIkeMessageCut = _first.Frame;

        diagnostics.Add(new InputDiagnostic(displayName, null, _first.Frame, string.Create(CultureInfo.InvariantCulture,
            $"{_count} IKE message(s) cut short by the capture's snapshot length (first at frame {_first.Frame}: {_firstCaptured} of {_firstOnWire} bytes of IKE captured); what they held past the cut cannot be read, so capture again with whole packets (tcpdump -s 0)"),
            DiagnosticSeverity.Warning));
    }
}
