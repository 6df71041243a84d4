namespace Analyzer.Correlation.Events;

/// <summary>The correlator's answer: every record tied to capture evidence, and each log's clock offset against each capture.</summary>
public sealed class EventCorrelationResult
{
    public List<CorrelatedEvent> Events { get; } = [];

    public List<LogClockOffset> Offsets { get; } = [];
}
