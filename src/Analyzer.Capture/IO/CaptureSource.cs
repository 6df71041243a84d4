using Analyzer.Core;

namespace Analyzer.Capture.IO;

/// <summary>What a format reader starts from once the file has been opened and recognised.</summary>
internal sealed record CaptureSource(
    Stream RawStream,
    Stream Stream,
    ByteWindow Window,
    string DisplayName,
    AnalysisLimits Limits,
    bool IsCompressed,
    Action<InputDiagnostic>? OnDiagnostic,
    bool LeaveOpen);
