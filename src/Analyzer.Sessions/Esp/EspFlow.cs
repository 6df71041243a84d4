using Analyzer.Core;
using Analyzer.Protocols.Keys;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Esp;

/// <summary>ESP packets of one SPI in one direction (source → destination), with loss and replay counts from the sequence numbers.</summary>
public sealed class EspFlow
{
    public required uint Spi { get; init; }

    public required NetEndpoint Source { get; init; }

    public required NetEndpoint Destination { get; init; }

    public required EspEncapsulation Encapsulation { get; init; }

    public long Packets { get; set; }

    /// <summary>ESP bytes (from the SPI on) on the wire.</summary>
    public long Bytes { get; set; }

    public FrameRef First { get; set; }

    public FrameRef Last { get; set; }

    /// <summary>Sequence numbers skipped (packets lost before the capture point).</summary>
    public long SequenceGaps { get; set; }

    /// <summary>Sequence numbers seen more than once (replays or duplicated frames).</summary>
    public long Duplicates { get; set; }

    /// <summary>The sequence number went back to 1 without a new SPI.</summary>
    public long Resets { get; set; }

    public uint FirstSequence { get; set; }

    public uint LastSequence { get; set; }

    /// <summary>The SPI of the opposite direction of the same IPsec SA, where paired.</summary>
    public uint? PairedSpi { get; set; }

    /// <summary>How the pairing was made: by the child SA negotiation that named both SPIs (exact), or by timing or address pair.</summary>
    public EspPairing? PairedBy { get; set; }

    /// <summary>The IKE SA this flow belongs to (<see cref="EspFlowOwnership"/>); null when no SA ran between these addresses.</summary>
    public IkeSa? IkeSa { get; set; }

    /// <summary>Initiator cookie of <see cref="IkeSa"/>.</summary>
    public ulong? IkeSaCookie => IkeSa?.InitiatorCookie;

    /// <summary>Packets on this SPI after a Delete for it was seen.</summary>
    public long PacketsAfterDelete { get; set; }

    /// <summary>No IKE SA between these addresses appears in the capture.</summary>
    public bool WithoutIkeSa { get; set; }

    /// <summary>Nothing came back: no packet on the paired SPI, or (unpaired) no ESP at all in the opposite direction.</summary>
    public bool OneWay { get; set; }

    /// <summary>Packets that arrived after a higher sequence number (reordered, or late beyond the 64-packet window).</summary>
    public long OutOfOrder { get; set; }

    /// <summary>The Delete (IKE Informational) that removed this SA, where the capture shows one.</summary>
    public FrameRef? DeleteFrame { get; set; }

    /// <summary>The first packet on this SPI after <see cref="DeleteFrame"/>.</summary>
    public FrameRef? FirstAfterDelete { get; set; }

    /// <summary>For ESP seen behind AH (transport mode AH+ESP): the AH SPI in front of it.</summary>
    public uint? AhSpi { get; set; }

    /// <summary>With a key for this SA: packets decrypted (ICV, padding and next header sound).</summary>
    public long DecryptedPackets { get; set; }

    /// <summary>With a key: packets whose ICV did not match (wrong key, or changed on the path).</summary>
    public long IcvMismatches { get; set; }

    /// <summary>With a key: packets that decrypted to unsound padding (wrong encryption key).</summary>
    public long BadPadding { get; set; }

    /// <summary>With a key: packets too short for the SA's IV and ICV, or whose algorithm vpndiag cannot run.</summary>
    public long NotDecrypted { get; set; }

    /// <summary>The first frames (up to 100) whose ICV did not match, for comparing vantage points.</summary>
    public List<FrameRef> IcvMismatchFrames { get; } = [];

    /// <summary>The ESP sequence number of each of <see cref="IcvMismatchFrames"/> (null where the capture cut it): the same SPI and sequence at another vantage point tells where the packet changed.</summary>
    public List<uint?> IcvMismatchSequences { get; } = [];

    /// <summary>Algorithms of the key used (spelled "AES-CBC-256/HMAC-SHA2-256-128" by <c>EspAlgorithms.Name</c>); never key bytes.</summary>
    public EspKeyAlgorithms? DecryptedWith { get; set; }

    /// <summary>The file the key came from: reports say "decrypted with a key from FILE" and nothing more.</summary>
    public string? KeyOrigin { get; set; }

    /// <summary>The key's algorithm (<see cref="DecryptedWith"/>) is one vpndiag cannot run, so its packets stay sealed.</summary>
    public bool KeyUnsupported { get; set; }
}
