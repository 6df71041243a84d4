using Analyzer.Core;

namespace Analyzer.Correlation.Events;

/// <summary>One performance-counter value at one time (e.g. "\\SERVER\Processor(_Total)\% Processor Time" = 97.5).</summary>
public sealed record PerformanceSample(int InputIndex, Timestamp Time, string Counter, double Value);
