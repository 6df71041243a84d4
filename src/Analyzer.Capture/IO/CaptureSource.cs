using Analyzer.Core;

namespace Analyzer.Capture.IO;

/// <summary>What a format reader starts from once the file has been opened and recognised (<see cref="ReadAhead"/> reads <see cref="Stream"/> when set).</summary>
internal sealed record CaptureSource(
    Stream RawStream,
    Stream Stream,
    ReadAhead? ReadAhead,
    ByteWindow Window,
    string DisplayName,
    AnalysisLimits Limits,
    bool IsCompressed,
    Action<InputDiagnostic>? OnDiagnostic,
    bool LeaveOpen);
