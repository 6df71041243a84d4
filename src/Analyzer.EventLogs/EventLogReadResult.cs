using Analyzer.Core;

namespace Analyzer.EventLogs;

/// <summary>What one log file gave: its records, problems met while reading, and performance-counter samples (typeperf CSV).</summary>
public sealed class EventLogReadResult
{
    public List<EventRecord> Records { get; } = [];

    public List<InputDiagnostic> Diagnostics { get; } = [];

    public List<PerformanceCounterSample> Performance { get; } = [];

    /// <summary>
    /// Lines with a time of day only that took their date from the file's modification time (no
    /// capture to date them): a bundle reads such a log again once its other logs have given a date.
    /// </summary>
    public int DateFromFileTime { get; set; }

    /// <summary>Lines with a date but no year that took the year from the file's modification time.</summary>
    public int YearFromFileTime { get; set; }
}
