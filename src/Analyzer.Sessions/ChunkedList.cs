using System.Collections;

namespace Analyzer.Sessions;

/// <summary>
/// An append-only list kept in chunks of <see cref="ChunkLength"/> items that are never copied once
/// full: for the records a capture keeps per packet (a path's sealed packets, an ESP flow's frames).
/// </summary>
/// <remarks>
/// A <see cref="List{T}"/> doubles: its items end up allocated about three times over (the arrays it
/// outgrew plus the unused half of the last), every byte fresh memory the allocator clears and the
/// kernel faults in. The two per-packet lists of the 200 MB capture took 6 MB that way for 2.3 MB of
/// records, the capture stage's largest cost after reading the file. Here only the first chunk grows
/// as a list does (a flow of a few packets stays small); after it each chunk is allocated once, full
/// size (docs/performance.md, issue 18's clause, sixth session).
/// </remarks>
public sealed class ChunkedList<T> : IReadOnlyList<T>
{
    /// <summary>Items per chunk, a power of two so an index splits with a shift and a mask.</summary>
    public const int ChunkLength = 1 << ChunkShift;

    private const int ChunkShift = 6;
    private const int FirstChunkLength = 4;

    private T[][] _chunks = [];
    private int _chunkCount;

    public int Count { get; private set; }

    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "past the list's items");
            }

            return _chunks[index >> ChunkShift][index & (ChunkLength - 1)];
        }
    }

    public void Add(T item)
    {
        int offset = Count & (ChunkLength - 1);
        int chunk = Count >> ChunkShift;
        if (chunk == _chunkCount)
        {
            StartChunk(chunk == 0 ? FirstChunkLength : ChunkLength);
        }
        else if (offset == _chunks[chunk].Length)
        {
            // Only the first chunk is ever short: it grows as a list does, up to a full chunk.
            Array.Resize(ref _chunks[chunk], Math.Min(offset * 2, ChunkLength));
        }

        _chunks[chunk][offset] = item;
        Count++;
    }

    /// <summary>True when an item matches <paramref name="match"/>, as <see cref="List{T}.Exists"/>.</summary>
    public bool Exists(Predicate<T> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        foreach (T item in this)
        {
            if (match(item))
            {
                return true;
            }
        }

        return false;
    }

    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void StartChunk(int length)
    {
        if (_chunkCount == _chunks.Length)
        {
            Array.Resize(ref _chunks, Math.Max(4, _chunks.Length * 2));
        }

        _chunks[_chunkCount++] = new T[length];
    }

    /// <summary>Walks the items in order without allocating.</summary>
    public struct Enumerator : IEnumerator<T>
    {
        private readonly ChunkedList<T> _list;
        private int _index;

        internal Enumerator(ChunkedList<T> list)
        {
            _list = list;
            _index = -1;
        }

        public readonly T Current => _list._chunks[_index >> ChunkShift][_index & (ChunkLength - 1)];

        readonly object? IEnumerator.Current => Current;

        public bool MoveNext() => ++_index < _list.Count;

        public void Reset() => _index = -1;

        public readonly void Dispose()
        {
        }
    }
}
