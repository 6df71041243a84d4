using System.Buffers;
using System.Collections.Concurrent;

namespace Analyzer.Capture.IO;

/// <summary>
/// Reads (and, for gzip, inflates) on a thread of its own into a bounded set of pooled chunks while
/// the caller decodes the chunk before, so the copy out of the page cache (or the inflating) leaves
/// the decoding thread. Each chunk keeps room in front of its data (<see cref="Headroom"/>) where
/// <see cref="ByteWindow"/> puts the unread end of the previous chunk: a record cut by a chunk
/// boundary becomes contiguous by copying that end only, never the chunk. Memory stays at
/// <c>ChunkCount</c> pooled buffers however large the file; an error of the source arrives, in
/// order, after the bytes read before it.
/// </summary>
internal sealed class ReadAhead : IDisposable
{
    private readonly Stream _source;
    private readonly BlockingCollection<ReadAheadChunk> _filled;
    private readonly BlockingCollection<byte[]> _free;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _producer;
    private int _disposed;

    public ReadAhead(Stream source, ReadAheadOptions options)
    {
        _source = source;
        Headroom = options.Headroom;
        _filled = new BlockingCollection<ReadAheadChunk>(options.ChunkCount);
        _free = new BlockingCollection<byte[]>(options.ChunkCount + 1);
        for (int i = 0; i < options.ChunkCount; i++)
        {
            _free.Add(ArrayPool<byte>.Shared.Rent(options.Headroom + options.ChunkSize));
        }

        _producer = new Thread(Produce) { IsBackground = true, Name = "vpndiag capture read-ahead" };
        _producer.Start();
    }

    /// <summary>Free bytes in front of every chunk's data.</summary>
    public int Headroom { get; }

    /// <summary>
    /// The next chunk in file order (blocks until it is read): data at <c>[Headroom, Headroom + Length)</c>;
    /// a chunk of length 0 ends the stream, with the source's error if it failed.
    /// </summary>
    public ReadAheadChunk Take() => _filled.Take();

    /// <summary>Gives a chunk's buffer back for reading into (the caller no longer looks at it).</summary>
    public void Return(byte[] buffer)
    {
        if (Volatile.Read(ref _disposed) != 0 || !_free.TryAdd(buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Produce()
    {
        try
        {
            while (true)
            {
                byte[] buffer = _free.Take(_stop.Token);
                int capacity = buffer.Length - Headroom;
                int length = 0;
                Exception? error = null;
                try
                {
                    while (length < capacity)
                    {
                        int read = _source.Read(buffer, Headroom + length, capacity - length);
                        if (read <= 0)
                        {
                            break;
                        }

                        length += read;
                    }
                }
                catch (Exception e)
                {
                    // Whatever the source throws goes to the reading side, in order; nothing may
                    // escape this thread, where it would end the process.
                    error = e;
                }

                if (length == capacity && error is null)
                {
                    _filled.Add(new ReadAheadChunk(buffer, length, null), _stop.Token);
                    continue;
                }

                if (length > 0)
                {
                    _filled.Add(new ReadAheadChunk(buffer, length, null), _stop.Token);
                    buffer = _free.Take(_stop.Token);
                }

                // End of the stream, or its error: one empty chunk says which.
                _filled.Add(new ReadAheadChunk(buffer, 0, error), _stop.Token);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed before the end of the file.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _producer.Join();
        _stop.Dispose();
        while (_filled.TryTake(out ReadAheadChunk chunk))
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }

        while (_free.TryTake(out byte[]? buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _filled.Dispose();
        _free.Dispose();
    }
}

/// <summary>One chunk of <see cref="ReadAhead"/>: its buffer, how many bytes follow the headroom, and the source's error on the last one.</summary>
internal readonly record struct ReadAheadChunk(byte[] Buffer, int Length, Exception? Error);
