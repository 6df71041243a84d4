using System.Diagnostics;
using System.Globalization;

namespace Analyzer.Pipeline;

/// <summary>
/// Wall-clock time of each pipeline stage of one bundle, the managed heap at its end and what the
/// process has allocated so far, for <c>analyze --timings</c>: where a slow run spends its time,
/// what stays in memory and what the garbage collector had to do (docs/performance.md uses it for
/// the split between stages, the model's size and the generation-0 budget).
/// </summary>
public sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan Took, long HeapBytes, long AllocatedBytes)> _marks = [];
    private TimeSpan _last;

    /// <summary>Ends the stage running since the previous mark.</summary>
    public void Mark(string stage)
    {
        TimeSpan now = _watch.Elapsed;
        // Without a forced collection: the heap as the stage left it, garbage included, is what the
        // peak is made of.
        long heap = GC.GetTotalMemory(forceFullCollection: false);
        long allocated = GC.GetTotalAllocatedBytes(precise: false);
        lock (_marks)
        {
            _marks.Add((stage, now - _last, heap, allocated));
            _last = now;
        }
    }

    public void Write(string bundle, TextWriter output)
    {
        lock (_marks)
        {
            foreach ((string stage, TimeSpan took, long heap, long allocated) in _marks)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"vpndiag: timing: {bundle}: {stage} {took.TotalMilliseconds:0.0} ms (managed heap {heap / 1_048_576.0:0.0} MB, allocated so far {allocated / 1_048_576.0:0.0} MB)"));
            }

            using var process = Process.GetCurrentProcess();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"vpndiag: timing: {bundle}: total {_last.TotalMilliseconds:0.0} ms (process CPU so far {process.TotalProcessorTime.TotalMilliseconds:0} ms, peak working set {process.PeakWorkingSet64 / 1_048_576.0:0} MB, garbage collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} of generation 0/1/2 pausing {GC.GetTotalPauseDuration().TotalMilliseconds:0.0} ms)"));
        }
    }
}
