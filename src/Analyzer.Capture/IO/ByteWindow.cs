using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Analyzer.Capture.IO;

/// <summary>
/// A sliding window over a forward-only stream, in one pooled buffer: readers ask for the next N
/// bytes (<see cref="Ensure"/>), read them as a span, and <see cref="Advance"/>. Spans handed out stay
/// valid until the next <see cref="Ensure"/>, which may move the bytes. Reads fill the whole free
/// buffer, so a 1 MiB window means one read call per megabyte, not one per record. Over a
/// <see cref="ReadAhead"/> the window is the current chunk itself, the unread end of the previous
/// one put in front of it.
/// </summary>
internal sealed class ByteWindow : IDisposable
{
    private readonly Stream? _source;
    private readonly ReadAhead? _readAhead;
    private byte[] _buffer;
    private bool _bufferIsChunk;
    private int _start;
    private int _end;
    private long _bufferFileOffset;
    private long _chunkedBytes;
    private bool _endOfStream;

    public ByteWindow(Stream source, int initialSize = 1 << 20)
    {
        _source = source;
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    public ByteWindow(ReadAhead readAhead)
    {
        _readAhead = readAhead;
        _buffer = [];
    }

    /// <summary>Called once when the stream fails (damaged gzip data, I/O error) with the offset reached and the reason.</summary>
    public Action<long, string>? OnStreamError { get; set; }

    /// <summary>Offset in the (decompressed) stream of the first unread byte.</summary>
    public long Position => _bufferFileOffset + _start;

    /// <summary>Bytes already in the buffer and not yet consumed.</summary>
    public int Available => _end - _start;

    /// <summary>The unread bytes in the buffer (at least what the last successful <see cref="Ensure"/> asked for).</summary>
    public ReadOnlySpan<byte> Span => new(_buffer, _start, _end - _start);

    /// <summary>True once the stream has no more bytes and the buffer is empty.</summary>
    public bool AtEnd => Available == 0 && !Fill(1);

    /// <summary>Makes at least <paramref name="count"/> unread bytes available; false at end of stream (then <see cref="Available"/> says how many there are).</summary>
    public bool Ensure(int count) => Available >= count || Fill(count);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Available);
        _start += count;
    }

    /// <summary>Consumes <paramref name="count"/> bytes, reading through the stream without keeping them; returns how many there were.</summary>
    public long Skip(long count)
    {
        long skipped = 0;
        while (skipped < count)
        {
            if (Available == 0 && !Fill(1))
            {
                break;
            }

            int step = (int)Math.Min(Available, count - skipped);
            _start += step;
            skipped += step;
        }

        return skipped;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Fill(int count)
    {
        if (_endOfStream)
        {
            return Available >= count;
        }

        if (_readAhead is not null)
        {
            return FillFromChunks(_readAhead, count);
        }

        if (count > _buffer.Length)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(count);
            Buffer.BlockCopy(_buffer, _start, larger, 0, Available);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
            _bufferFileOffset += _start;
            _end -= _start;
            _start = 0;
        }
        else if (_buffer.Length - _start < count || _start > _buffer.Length / 2)
        {
            // Slide the unread tail to the front so the next read is a large one; the tail is at most
            // one record, so this copy is small.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, Available);
            _bufferFileOffset += _start;
            _end -= _start;
            _start = 0;
        }

        while (Available < count)
        {
            int read;
            try
            {
                read = _source!.Read(_buffer, _end, _buffer.Length - _end);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // Damaged gzip data or a failing disk: what was read stays readable, the rest is lost.
                _endOfStream = true;
                OnStreamError?.Invoke(_bufferFileOffset + _end, e.Message);
                break;
            }

            if (read <= 0)
            {
                _endOfStream = true;
                break;
            }

            _end += read;
        }

        return Available >= count;
    }

    private bool FillFromChunks(ReadAhead readAhead, int count)
    {
        while (Available < count)
        {
            ReadAheadChunk chunk = readAhead.Take();
            if (chunk.Length == 0)
            {
                readAhead.Return(chunk.Buffer);
                _endOfStream = true;
                if (chunk.Error is InvalidDataException or IOException)
                {
                    OnStreamError?.Invoke(_chunkedBytes, chunk.Error.Message);
                }
                else if (chunk.Error is not null)
                {
                    // Anything else surfaces here as it would have from a read on this thread.
                    ExceptionDispatchInfo.Throw(chunk.Error);
                }

                break;
            }

            int tail = Available;
            int headroom = readAhead.Headroom;
            if (tail <= headroom)
            {
                // The common case: the chunk becomes the window, the previous chunk's unread end
                // (at most a record) copied just in front of its data.
                _buffer.AsSpan(_start, tail).CopyTo(chunk.Buffer.AsSpan(headroom - tail));
                Release();
                _buffer = chunk.Buffer;
                _bufferIsChunk = true;
                _bufferFileOffset = _chunkedBytes - headroom;
                _start = headroom - tail;
                _end = headroom + chunk.Length;
            }
            else
            {
                // A record longer than the headroom: the window gathers it in a buffer of its own,
                // sized once for the whole request so a large record is not copied again per chunk.
                if (!_bufferIsChunk && _buffer.Length - _end < chunk.Length && _buffer.Length >= tail + chunk.Length)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, tail);
                    _bufferFileOffset += _start;
                    _start = 0;
                    _end = tail;
                }
                else if (_bufferIsChunk || _buffer.Length - _end < chunk.Length)
                {
                    byte[] own = ArrayPool<byte>.Shared.Rent(Math.Max(count, tail + chunk.Length));
                    _buffer.AsSpan(_start, tail).CopyTo(own);
                    Release();
                    _buffer = own;
                    _bufferFileOffset = _chunkedBytes - tail;
                    _start = 0;
                    _end = tail;
                }

                chunk.Buffer.AsSpan(headroom, chunk.Length).CopyTo(_buffer.AsSpan(_end));
                _end += chunk.Length;
                readAhead.Return(chunk.Buffer);
            }

            _chunkedBytes += chunk.Length;
        }

        return Available >= count;
    }

    /// <summary>Lets go of the current buffer: a chunk goes back to the read-ahead, a buffer of the window's own to the pool.</summary>
    private void Release()
    {
        byte[] buffer = _buffer;
        _buffer = [];
        if (_bufferIsChunk)
        {
            _readAhead!.Return(buffer);
        }
        else if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _bufferIsChunk = false;
    }

    public void Dispose()
    {
        Release();
        _start = 0;
        _end = 0;
    }
}
