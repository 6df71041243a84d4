using Analyzer.Core;

namespace Analyzer.Capture;

/// <summary>
/// One packet record as read from the file. <see cref="Data"/> points into the reader's buffer and
/// is valid only until the next read.
/// </summary>
public readonly ref struct CapturedFrame
{
    public CapturedFrame(long number, Timestamp time, LinkType linkType, int interfaceId, long originalLength,
        ReadOnlySpan<byte> data, long fileOffset, string? comment = null, ulong packetId = 0)
    {
        Number = number;
        Time = time;
        LinkType = linkType;
        InterfaceId = interfaceId;
        OriginalLength = originalLength;
        Data = data;
        FileOffset = fileOffset;
        Comment = comment;
        PacketId = packetId;
    }

    /// <summary>1-based, counted as Wireshark counts packet records.</summary>
    public long Number { get; }

    public Timestamp Time { get; }

    public LinkType LinkType { get; }

    /// <summary>pcapng interface id (0 for pcap).</summary>
    public int InterfaceId { get; }

    /// <summary>Length on the wire; more than <c>Data.Length</c> when snaplen cut the packet.</summary>
    public long OriginalLength { get; }

    public ReadOnlySpan<byte> Data { get; }

    /// <summary>Offset of the record (pcap record header or pcapng block) in the decompressed file.</summary>
    public long FileOffset { get; }

    /// <summary>pcapng opt_comment, when the record has one (kept raw: untrusted text).</summary>
    public string? Comment { get; }

    /// <summary>
    /// The capturing tool's identity of the packet, 0 when it gave none: pcapng's epb_packetid, or the
    /// PktGroupId and PktNumber of a pktmon comment. A host that records one packet at several of its
    /// capture points (pktmon's components) gives every copy the same id.
    /// </summary>
    public ulong PacketId { get; }

    public bool IsTruncated => Data.Length < OriginalLength;
}
