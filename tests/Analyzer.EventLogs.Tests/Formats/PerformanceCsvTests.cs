namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>typeperf CSV (constructed sample samples/events/healthy-psk/server-cpu-typeperf.csv).</summary>
public sealed class PerformanceCsvTests
{
    [Fact]
    public void Typeperf_rows_become_samples_per_counter_in_utc()
    {
        EventLogReadResult result = SampleLogs.Read(SampleLogs.EventSample("healthy-psk/server-cpu-typeperf.csv"));
        Assert.Empty(result.Records);
        Assert.Equal(40, result.Performance.Count);
        PerformanceCounterSample first = result.Performance[0];
        Assert.Equal(@"\\RRAS01\Processor(_Total)\% Processor Time", first.Counter);
        Assert.Equal("2026-11-24T11:47:37.928Z", first.Time.ToIso8601());
        Assert.Contains(result.Performance, s => s.Counter.EndsWith("% Processor Time", StringComparison.Ordinal) && s.Value > 97);
    }
}
