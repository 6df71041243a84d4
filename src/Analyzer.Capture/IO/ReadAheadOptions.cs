namespace Analyzer.Capture.IO;

/// <summary>
/// Whether and how a capture is read ahead on a second thread (<see cref="ReadAhead"/>).
/// <see cref="ChunkSize"/> plus <see cref="Headroom"/> is one pooled megabyte; the headroom holds
/// the unread end of the previous chunk, which is at most one record, and records above it (jumbo
/// or offloaded segments beyond 64 KiB) take a copy instead.
/// </summary>
internal sealed record ReadAheadOptions(int ChunkSize, int ChunkCount, int Headroom)
{
    public static ReadAheadOptions Default { get; } = new((1 << 20) - (96 << 10), 4, 96 << 10);

    /// <summary>
    /// Below this a plain file is read on the decoding thread. The copy out of the page cache is
    /// cheap, and while the rule files are compiled the second core is busy: measured, a 200 MB
    /// capture took 8 % longer to analyse read ahead and a 1 GB one 6 % less (docs/performance.md).
    /// </summary>
    private const long MinimumPlainBytes = 512L << 20;

    /// <summary>A compressed file this large inflates for long enough to be worth a thread (inflating is most of its time).</summary>
    private const long MinimumCompressedBytes = 1 << 20;

    /// <summary>
    /// Read ahead on a machine with a spare core when the file is large enough to gain from it (its
    /// size known from a seekable stream). <c>VPNDIAG_READ_AHEAD=0</c> or <c>1</c> overrides, to
    /// measure both ways (docs/performance.md).
    /// </summary>
    public static ReadAheadOptions? Choose(Stream raw, bool compressed)
    {
        switch (Environment.GetEnvironmentVariable("VPNDIAG_READ_AHEAD"))
        {
            case "0":
                return null;
            case "1":
                return Default;
        }

        if (Environment.ProcessorCount < 2 || !raw.CanSeek)
        {
            return null;
        }

        long remaining = raw.Length - raw.Position;
        return remaining >= (compressed ? MinimumCompressedBytes : MinimumPlainBytes) ? Default : null;
    }
}
