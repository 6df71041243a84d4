using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>A capture through the real decode and session stages, as <c>analyze</c> runs it, down to the model's warnings.</summary>
internal static class CaptureRun
{
    public static List<InputDiagnostic> Diagnostics(string capture, AnalysisLimits limits, string? displayName = null)
    {
        var input = new AnalysisInput(0, capture, displayName ?? Path.GetFileName(capture), InputKind.Unknown);
        var sink = new TrafficReconstructor(input, limits, keys: null);
        DecodeSummary summary = CaptureDecoder.Decode(input, sink, limits, CancellationToken.None);
        return sink.Complete(summary).Diagnostics;
    }
}
