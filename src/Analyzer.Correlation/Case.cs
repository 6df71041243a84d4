using Analyzer.Core;
using Analyzer.Correlation.Attempts;
using Analyzer.Correlation.Events;
using Analyzer.Correlation.Paths;
using Analyzer.EventLogs;
using Analyzer.Sessions;

namespace Analyzer.Correlation;

/// <summary>
/// One ticket's evidence after correlation: every capture's reconstruction, every log record, what
/// ties them together, and how several vantage points line up. The rules read only this.
/// </summary>
public sealed class Case
{
    public required IReadOnlyList<AnalysisInput> Inputs { get; init; }

    public List<CaptureModel> Captures { get; init; } = [];

    public List<EventRecord> Events { get; init; } = [];

    /// <summary>Log records tied to capture evidence (by cookies, else endpoints and time).</summary>
    public List<CorrelatedEvent> CorrelatedEvents { get; init; } = [];

    /// <summary>Clock offset of each log against the capture, from correlated pairs.</summary>
    public List<LogClockOffset> ClockOffsets { get; init; } = [];

    /// <summary>Captures of the same conversation lined up (two vantage points or more).</summary>
    public List<PathComparison> Paths { get; init; } = [];

    /// <summary>Where the only capture was taken, when the case has exactly one (client side, server side, between, or unknown, with why).</summary>
    public VantagePoint? LoneCaptureVantage { get; init; }

    private AttemptSet? _attempts;

    /// <summary>
    /// Connection attempts across every capture and log (issue 18). The pipeline builds them with the
    /// rest of the correlation; a case assembled by hand (tests, tools) gets them built from its parts
    /// on first read, once, by the same <see cref="AttemptBuilder"/>.
    /// </summary>
    public AttemptSet Attempts
    {
        get => _attempts ??= AttemptBuilder.Build(Captures, Events, CorrelatedEvents, Paths);
        init => _attempts = value;
    }

    /// <summary>Performance-counter samples (typeperf/relog CSV), for server-load rules.</summary>
    public List<PerformanceSample> Performance { get; init; } = [];

    /// <summary>Problems reading inputs (skipped records, limits reached); reported with the inputs.</summary>
    public List<InputDiagnostic> Diagnostics { get; init; } = [];

    public AnalysisInput InputOf(int index) => Inputs[index];
}
