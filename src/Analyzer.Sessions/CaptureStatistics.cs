using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions;

/// <summary>Counts for the whole capture: how much was read, how much was VPN traffic.</summary>
public sealed class CaptureStatistics
{
    /// <summary>Frames in the file, numbered as Wireshark numbers them.</summary>
    public long Frames { get; set; }

    public long Bytes { get; set; }

    public Timestamp? FirstTime { get; set; }

    public Timestamp? LastTime { get; set; }

    /// <summary>Datagrams delivered per kind.</summary>
    public Dictionary<TrafficKind, long> ByKind { get; } = [];

    /// <summary>Frames that were not VPN traffic (counted, not decoded).</summary>
    public long OtherFrames { get; set; }

    /// <summary>Frames cut by snaplen.</summary>
    public long TruncatedFrames { get; set; }

    /// <summary>The capture's snapshot length as its cut frames show it; null when no frame was cut.</summary>
    public int? SnapLength { get; set; }

    /// <summary>IKE messages the snapshot length cut short: their payloads past the cut cannot be read.</summary>
    public long IkeMessagesCut { get; set; }

    /// <summary>The first IKE message the snapshot length cut, when any was.</summary>
    public long? FirstIkeMessageCut { get; set; }

    /// <summary>The file offset where the end of the file cut the last record short (the file was copied or written out unfinished); null when it ends cleanly.</summary>
    public long? EndCutAt { get; set; }

    /// <summary>The frame number of that cut record, when it was a packet record.</summary>
    public long? EndCutFrame { get; set; }

    /// <summary>UDP/TCP/IP checksum failures among VPN datagrams (where the capture had real checksums).</summary>
    public long ChecksumErrors { get; set; }

    /// <summary>Frames whose link type vpndiag could not decode.</summary>
    public long UndecodableFrames { get; set; }
}
