namespace Analyzer.Correlation.Attempts;

/// <summary>What kind of evidence an item is: seen, computed from what was seen, or concluded from timing and sizes.</summary>
public enum EvidenceKind : byte
{
    /// <summary>Seen in a capture or a log.</summary>
    Observed,
    /// <summary>Computed from what was seen (a recomputed NAT-D hash, two captures compared).</summary>
    Derived,
    /// <summary>Concluded from timing or sizes (an encrypted Informational right after message 5).</summary>
    Inferred,
}
