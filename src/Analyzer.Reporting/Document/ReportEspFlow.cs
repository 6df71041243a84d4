namespace Analyzer.Reporting.Document;

/// <summary>ESP packets of one SPI in one direction.</summary>
public sealed record ReportEspFlow
{
    public required string Input { get; init; }

    /// <summary>"0x" and 8 hex digits.</summary>
    public required string Spi { get; init; }

    public required string Src { get; init; }

    public required string Dst { get; init; }

    /// <summary>"esp" (IP protocol 50) or "udp" (RFC 3948, port 4500).</summary>
    public required string Encapsulation { get; init; }

    public long Packets { get; init; }

    public long Bytes { get; init; }

    public long FirstFrame { get; init; }

    public long LastFrame { get; init; }

    public required string FirstTime { get; init; }

    public required string LastTime { get; init; }

    public long SequenceGaps { get; init; }

    public long Duplicates { get; init; }

    public long Resets { get; init; }

    public long FirstSequence { get; init; }

    public long LastSequence { get; init; }

    public string? PairedSpi { get; init; }

    public string? PairedBy { get; init; }

    public string? IkeSaCookie { get; init; }

    public long PacketsAfterDelete { get; init; }

    public bool WithoutIkeSa { get; init; }
}
