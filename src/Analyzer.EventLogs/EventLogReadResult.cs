using Analyzer.Core;

namespace Analyzer.EventLogs;

/// <summary>What one log file gave: its records, problems met while reading, and performance-counter samples (typeperf CSV).</summary>
public sealed class EventLogReadResult
{
    public List<EventRecord> Records { get; } = [];

    public List<InputDiagnostic> Diagnostics { get; } = [];

    public List<PerformanceCounterSample> Performance { get; } = [];
}
