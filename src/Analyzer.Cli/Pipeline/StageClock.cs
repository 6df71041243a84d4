using System.Diagnostics;
using System.Globalization;

namespace Analyzer.Cli.Pipeline;

/// <summary>
/// Wall-clock time of each pipeline stage of one bundle, for <c>analyze --timings</c>: where a slow
/// run spends its time (docs/performance.md uses it for the split between stages).
/// </summary>
internal sealed class StageClock
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private readonly List<(string Stage, TimeSpan At)> _marks = [];
    private TimeSpan _last;

    /// <summary>Ends the stage running since the previous mark.</summary>
    public void Mark(string stage)
    {
        TimeSpan now = _watch.Elapsed;
        lock (_marks)
        {
            _marks.Add((stage, now - _last));
            _last = now;
        }
    }

    public void Write(string bundle, TextWriter output)
    {
        lock (_marks)
        {
            foreach ((string stage, TimeSpan took) in _marks)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"vpndiag: timing: {bundle}: {stage} {took.TotalMilliseconds:0.0} ms"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"vpndiag: timing: {bundle}: total {_last.TotalMilliseconds:0.0} ms (process CPU so far {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0} ms)"));
        }
    }
}
