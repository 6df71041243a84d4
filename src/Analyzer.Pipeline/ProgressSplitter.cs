namespace Analyzer.Pipeline;

/// <summary>Splits one progress bar (0..1) evenly over several captures decoded in parallel.</summary>
internal sealed class ProgressSplitter
{
    private readonly IProgress<double>? _total;
    private readonly double[] _parts;

    public ProgressSplitter(IProgress<double>? total, int parts)
    {
        _total = total;
        _parts = new double[Math.Max(1, parts)];
    }

    public IProgress<double>? For(int part) =>
        _total is null ? null : new Progress(this, part);

    private void Report(int part, double value)
    {
        double sum;
        lock (_parts)
        {
            _parts[part] = value;
            sum = _parts.Sum();
        }

        _total!.Report(sum / _parts.Length);
    }

    private sealed class Progress(ProgressSplitter owner, int part) : IProgress<double>
    {
        public void Report(double value) => owner.Report(part, value);
    }
}
