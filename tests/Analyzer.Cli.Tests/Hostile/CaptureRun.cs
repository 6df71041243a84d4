using Analyzer.Core;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>A capture through the real decode and session stages, as <c>analyze</c> runs it, down to the model's warnings.</summary>
internal static class CaptureRun
{
    public static List<InputDiagnostic> Diagnostics(string capture, AnalysisLimits limits, string? displayName = null) =>
        DecodedCapture.Reconstruct(capture, limits: limits, displayName: displayName).Diagnostics;
}
