using Analyzer.Core;

namespace Analyzer.EventLogs;

/// <summary>One value of one performance counter at one time, from a typeperf/relog CSV (times in UTC).</summary>
/// <param name="Counter">The counter path as exported, e.g. <c>\\SERVER\Processor(_Total)\% Processor Time</c>.</param>
public sealed record PerformanceCounterSample(int InputIndex, long Row, Timestamp Time, string Counter, double Value);
