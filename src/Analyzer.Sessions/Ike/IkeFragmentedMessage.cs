using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// One IKE message sent as IKE-level fragments (IKEv1 payload 132, IKEv2 SKF per RFC 7383): which
/// pieces arrived and whether all did. Incomplete sets are how lost fragments of a large
/// (certificate-carrying) message show when IKE fragmentation is on.
/// </summary>
public sealed class IkeFragmentedMessage
{
    public required bool FromInitiator { get; init; }

    public required IkeExchangeKind Exchange { get; init; }

    public uint MessageId { get; init; }

    /// <summary>IKEv1 fragment ID; 0 for IKEv2.</summary>
    public ushort FragmentId { get; init; }

    /// <summary>Fragment numbers that arrived (retransmitted copies counted once).</summary>
    public SortedSet<int> Received { get; } = [];

    /// <summary>How many fragments the message has, once known (IKEv2 always; IKEv1 when the last one arrived).</summary>
    public int? Total { get; set; }

    public List<FrameRef> Frames { get; } = [];

    /// <summary>The message number (MM5, AM3...) the fragments carry, where it could be told.</summary>
    public int? MessageNumber { get; set; }

    public bool Complete => Total is int total && Received.Count == total;
}
