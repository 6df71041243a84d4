using Analyzer.Core;

namespace Analyzer.Sessions.Sealed;

/// <summary>
/// A capture's ESP packet shapes grouped by endpoint pair (<see cref="SealedPath"/>), the pairs in
/// the order their first packet was seen.
/// </summary>
public sealed class SealedTraffic
{
    private readonly Dictionary<(NetEndpoint, NetEndpoint), SealedPath> _byPair = [];
    private readonly List<SealedPath> _paths = [];
    private SealedPath? _last;

    public IReadOnlyList<SealedPath> Paths => _paths;

    /// <summary>Packets over all paths.</summary>
    public int Count { get; private set; }

    public void Add(FrameRef frame, NetEndpoint source, NetEndpoint destination, uint spi, int length)
    {
        SealedPath path = PathOf(source, destination);
        path.Packets.Add(new SealedPacket(frame, path.First == source, spi, length));
        Count++;
    }

    private SealedPath PathOf(NetEndpoint source, NetEndpoint destination)
    {
        // Consecutive ESP packets mostly belong to one pair: the last path answers without a lookup.
        if (_last is not null && Joins(_last, source, destination))
        {
            return _last;
        }

        if (!_byPair.TryGetValue((source, destination), out SealedPath? path)
            && !_byPair.TryGetValue((destination, source), out path))
        {
            path = new SealedPath(source, destination);
            _byPair.Add((source, destination), path);
            _paths.Add(path);
        }

        _last = path;
        return path;
    }

    private static bool Joins(SealedPath path, NetEndpoint source, NetEndpoint destination) =>
        (path.First == source && path.Second == destination) || (path.First == destination && path.Second == source);
}
