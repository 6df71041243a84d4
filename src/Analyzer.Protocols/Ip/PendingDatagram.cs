using System.Buffers;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Protocols.Ip;

/// <summary>A datagram being reassembled: which byte ranges arrived, from which frames, and (unless ignored) the bytes.</summary>
internal sealed class PendingDatagram
{
    public const int MaxDatagramLength = 65535;

    private readonly List<(int Start, int End)> _ranges = [];

    public PendingDatagram(FragmentKey key, byte version, Timestamp firstSeen, long sequence)
    {
        Key = key;
        Version = version;
        FirstSeen = firstSeen;
        Sequence = sequence;
    }

    public FragmentKey Key { get; }

    public byte Version { get; }

    public Timestamp FirstSeen { get; }

    /// <summary>Arrival order among pending datagrams, to evict the oldest first.</summary>
    public long Sequence { get; }

    public FragmentRelevance Relevance { get; set; }

    public List<FrameRef> Frames { get; } = [];

    public IReadOnlyList<(int Start, int End)> Ranges => _ranges;

    /// <summary>The payload's full length, once the last fragment arrived.</summary>
    public int? Total { get; set; }

    /// <summary>The first fragment's unfragmentable part (IPv4 header; IPv6 header up to and with the Fragment header).</summary>
    public byte[]? Header { get; set; }

    public NetEndpoint Source { get; set; }

    public NetEndpoint Destination { get; set; }

    public DatagramFlags Flags { get; set; }

    public byte HopLimit { get; set; }

    /// <summary>The upper-layer protocol (IPv4 protocol; IPv6 Fragment header's next header).</summary>
    public IpProtocol Protocol { get; set; }

    public int FragmentCount { get; set; }

    /// <summary>Pooled payload buffer (null while ignored or empty).</summary>
    public byte[]? Data { get; private set; }

    /// <summary>Bytes this datagram holds from the pool.</summary>
    public int HeldBytes => (Data?.Length ?? 0) + (Header?.Length ?? 0);

    public bool IsComplete => Total is int total && _ranges.Count == 1 && _ranges[0].Start == 0 && _ranges[0].End >= total;

    /// <summary>Copies a fragment's bytes into place, growing the pooled buffer as needed.</summary>
    public void Store(int offset, ReadOnlySpan<byte> bytes)
    {
        int end = offset + bytes.Length;
        if (Data is null || Data.Length < end)
        {
            byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(end, 2048));
            if (Data is not null)
            {
                Data.AsSpan().CopyTo(larger);
                ArrayPool<byte>.Shared.Return(Data);
            }

            Data = larger;
        }

        bytes.CopyTo(Data.AsSpan(offset));
    }

    /// <summary>Records that [start, end) arrived, merging with neighbours; ranges stay sorted and disjoint.</summary>
    public void AddRange(int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        int i = 0;
        while (i < _ranges.Count && _ranges[i].End < start)
        {
            i++;
        }

        while (i < _ranges.Count && _ranges[i].Start <= end)
        {
            start = Math.Min(start, _ranges[i].Start);
            end = Math.Max(end, _ranges[i].End);
            _ranges.RemoveAt(i);
        }

        _ranges.Insert(i, (start, end));
    }

    public void ReleaseData()
    {
        if (Data is not null)
        {
            ArrayPool<byte>.Shared.Return(Data);
            Data = null;
        }
    }
}
