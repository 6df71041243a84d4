using Analyzer.Core;

namespace Analyzer.Correlation.Events;

/// <summary>One performance-counter value at one time (e.g. "\\SERVER\Processor(_Total)\% Processor Time" = 97.5).</summary>
public sealed record PerformanceSample(int InputIndex, Timestamp Time, string Counter, double Value)
{
    public static PerformanceSample From(Analyzer.EventLogs.PerformanceCounterSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new PerformanceSample(sample.InputIndex, sample.Time, sample.Counter, sample.Value);
    }
}
