using Analyzer.Core;

namespace Analyzer.Diagnosis.Facts;

/// <summary>One ESP SPI in one direction (subject <c>flow</c>).</summary>
public sealed class FlowFacts : FactOrigin
{
    /// <summary>"0x" and 8 hex digits.</summary>
    public string Spi { get; init; } = "";
    public string Source { get; init; } = "";
    public string Destination { get; init; } = "";
    /// <summary>"esp" (IP protocol 50) or "udp" (ESP in UDP 4500).</summary>
    public string Encapsulation { get; init; } = "";
    public long Packets { get; init; }
    public long Bytes { get; init; }
    public long SequenceGaps { get; init; }
    public long Duplicates { get; init; }
    public long Resets { get; init; }
    /// <summary>Packets flowing the other way between the same two addresses (any SPI).</summary>
    public long ReversePackets { get; init; }
    public bool Paired { get; init; }
    public long PacketsAfterDelete { get; init; }
    public bool WithoutIkeSa { get; init; }
    public double DurationSeconds { get; init; }
    /// <summary>Wireshark display filter for this SPI.</summary>
    public string DisplayFilter { get; init; } = "";
    public FrameRef First { get; init; }
    public FrameRef Last { get; init; }
    public IReadOnlyList<FrameRef> Frames { get; init; } = [];

    /// <summary>With a key for the SA: ICV, padding and where a changed packet changed (see EspIntegrityFacts).</summary>
    public EspIntegrityFacts Integrity { get; init; } = EspIntegrityFacts.None;
}
