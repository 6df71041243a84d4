namespace Analyzer.Sessions.Ledger;

/// <summary>
/// Payload bytes of many packets in a few large chunks: one allocation per megabyte instead of one
/// per packet. A position packs the chunk index (high 32 bits) and the offset in it.
/// </summary>
internal sealed class LedgerByteStore
{
    private const int ChunkSize = 1 << 20;
    private readonly List<byte[]> _chunks = [];
    private int _used = ChunkSize;

    public long TotalBytes { get; private set; }

    public long Append(ReadOnlySpan<byte> bytes)
    {
        // An empty first payload (a fragment-only datagram, found by fuzzing) still needs a chunk to point into.
        if (_chunks.Count == 0 || bytes.Length > ChunkSize - _used)
        {
            // A reassembled datagram can exceed a chunk (64 KiB max < 1 MiB, but keep it general).
            _chunks.Add(new byte[Math.Max(ChunkSize, bytes.Length)]);
            _used = 0;
        }

        byte[] chunk = _chunks[^1];
        bytes.CopyTo(chunk.AsSpan(_used));
        long position = ((long)(_chunks.Count - 1) << 32) | (uint)_used;
        _used += bytes.Length;
        TotalBytes += bytes.Length;
        return position;
    }

    public ReadOnlySpan<byte> Slice(long position, int length)
    {
        if (length == 0)
        {
            return [];
        }

        return _chunks[(int)(position >> 32)].AsSpan((int)(uint)position, length);
    }
}
