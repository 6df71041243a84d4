using Analyzer.Core;

namespace Analyzer.Sessions.Sealed;

/// <summary>
/// The ESP packets between two endpoints of one capture, both directions, in capture order. Kept
/// grouped as they are recorded so the inference reads each pair's packets without regrouping or
/// copying them.
/// </summary>
public sealed class SealedPath
{
    public SealedPath(NetEndpoint first, NetEndpoint second)
    {
        First = first;
        Second = second;
    }

    /// <summary>The sender of the path's first packet.</summary>
    public NetEndpoint First { get; }

    public NetEndpoint Second { get; }

    public ChunkedList<SealedPacket> Packets { get; } = new();

    public NetEndpoint SourceOf(in SealedPacket packet) => packet.FromFirst ? First : Second;

    public NetEndpoint DestinationOf(in SealedPacket packet) => packet.FromFirst ? Second : First;
}
