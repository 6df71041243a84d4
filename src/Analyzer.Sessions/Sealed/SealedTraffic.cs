using Analyzer.Core;

namespace Analyzer.Sessions.Sealed;

/// <summary>
/// A capture's ESP packet shapes grouped by endpoint pair (<see cref="SealedPath"/>), the pairs in
/// the order their first packet was seen.
/// </summary>
public sealed class SealedTraffic
{
    private const int SpiSlots = 4096;

    private readonly Dictionary<(NetEndpoint, NetEndpoint), SealedPath> _byPair = [];
    private readonly List<SealedPath> _paths = [];
    private SealedPath? _last;

    /// <summary>
    /// The path each SPI last went to, by the SPI's low bits: ESP packets of many tunnels interleave,
    /// so the last path seldom answers, and an SPI belongs to one pair, which is checked before the
    /// answer is taken. A hit skips hashing two endpoints (two 128-bit addresses) for the dictionary.
    /// 4096 slots (64 KB): 256 missed half the time on the 200 MB capture's 400 SPIs.
    /// </summary>
    private readonly (uint Spi, SealedPath? Path)[] _bySpi = new (uint, SealedPath?)[SpiSlots];

    public IReadOnlyList<SealedPath> Paths => _paths;

    /// <summary>Packets over all paths.</summary>
    public int Count { get; private set; }

    public void Add(FrameRef frame, NetEndpoint source, NetEndpoint destination, uint spi, int length)
    {
        SealedPath path = PathOf(source, destination, spi);
        path.Packets.Add(new SealedPacket(frame, path.First == source, spi, length));
        Count++;
    }

    private SealedPath PathOf(NetEndpoint source, NetEndpoint destination, uint spi)
    {
        // Consecutive ESP packets mostly belong to one pair: the last path answers without a lookup.
        if (_last is not null && Joins(_last, source, destination))
        {
            return _last;
        }

        ref (uint Spi, SealedPath? Path) slot = ref _bySpi[(int)(spi % SpiSlots)];
        if (slot.Path is SealedPath cached && slot.Spi == spi && Joins(cached, source, destination))
        {
            _last = cached;
            return cached;
        }

        // Both orientations are keys, so a packet either way finds its path in one lookup.
        if (!_byPair.TryGetValue((source, destination), out SealedPath? path))
        {
            path = new SealedPath(source, destination);
            _byPair.Add((source, destination), path);
            _byPair.TryAdd((destination, source), path);
            _paths.Add(path);
        }

        slot = (spi, path);
        _last = path;
        return path;
    }

    private static bool Joins(SealedPath path, NetEndpoint source, NetEndpoint destination) =>
        (path.First == source && path.Second == destination) || (path.First == destination && path.Second == source);
}
