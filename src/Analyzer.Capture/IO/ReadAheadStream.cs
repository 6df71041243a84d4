using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Analyzer.Capture.IO;

/// <summary>
/// Reads (and, for gzip, decompresses) on a second thread while the caller decodes what was
/// already read: a bounded queue of pooled chunks between the two, so memory stays at
/// <c>chunkCount × chunkSize</c> however large the file. Errors from the source surface, in order,
/// on the reading side.
/// </summary>
internal sealed class ReadAheadStream : Stream
{
    private readonly Stream _source;
    private readonly int _chunkSize;
    private readonly BlockingCollection<Chunk> _filled;
    private readonly BlockingCollection<byte[]> _free;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _producer;
    private Chunk _current;
    private int _offset;
    private bool _finished;
    private long _position;

    public ReadAheadStream(Stream source, int chunkSize = 1 << 20, int chunkCount = 4)
    {
        _source = source;
        _chunkSize = chunkSize;
        _filled = new BlockingCollection<Chunk>(chunkCount);
        _free = new BlockingCollection<byte[]>(chunkCount + 1);
        for (int i = 0; i < chunkCount; i++)
        {
            _free.Add(ArrayPool<byte>.Shared.Rent(chunkSize));
        }

        _producer = new Thread(Produce) { IsBackground = true, Name = "vpndiag capture read-ahead" };
        _producer.Start();
    }

    /// <summary>The stream read on the second thread.</summary>
    public Stream Inner => _source;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (!_finished)
        {
            if (_current.Buffer is not null && _offset < _current.Length)
            {
                int step = Math.Min(buffer.Length, _current.Length - _offset);
                _current.Buffer.AsSpan(_offset, step).CopyTo(buffer);
                _offset += step;
                _position += step;
                return step;
            }

            if (_current.Buffer is not null)
            {
                _free.Add(_current.Buffer);
            }

            _current = _filled.Take();
            _offset = 0;
            if (_current.Error is not null)
            {
                _finished = true;
                ExceptionDispatchInfo.Throw(_current.Error);
            }

            if (_current.Length == 0)
            {
                _finished = true;
            }
        }

        return 0;
    }

    private void Produce()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                byte[] buffer = _free.Take(_stop.Token);
                int length = 0;
                Exception? error = null;
                try
                {
                    while (length < _chunkSize)
                    {
                        int read = _source.Read(buffer, length, _chunkSize - length);
                        if (read <= 0)
                        {
                            break;
                        }

                        length += read;
                    }
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    error = e;
                }

                if (length > 0)
                {
                    _filled.Add(new Chunk(buffer, length, null), _stop.Token);
                    if (error is null)
                    {
                        continue;
                    }

                    buffer = _free.Take(_stop.Token);
                }

                // End of stream (or its error): one final chunk says so.
                _filled.Add(new Chunk(buffer, 0, error), _stop.Token);
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed while reading ahead.
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            _producer.Join();
            _stop.Dispose();
            ReturnBuffers();
            _filled.Dispose();
            _free.Dispose();
        }

        base.Dispose(disposing);
    }

    private void ReturnBuffers()
    {
        if (_current.Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_current.Buffer);
            _current = default;
        }

        while (_filled.TryTake(out Chunk chunk))
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }

        while (_free.TryTake(out byte[]? buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private readonly record struct Chunk(byte[] Buffer, int Length, Exception? Error);
}
