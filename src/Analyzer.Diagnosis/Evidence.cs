using Analyzer.Core;

namespace Analyzer.Diagnosis;

/// <summary>
/// One piece of evidence a finding cites: a frame of a capture or a record of a log, its time, and
/// a line of text. <see cref="DisplayFilter"/> is a Wireshark/tshark filter that shows it.
/// </summary>
public sealed record Evidence(int InputIndex, long? Frame, long? Record, Timestamp? Time, string Text)
{
    public string? DisplayFilter { get; init; }

    /// <summary>Inferred evidence comes from encrypted traffic's shape, not its content; reports mark it.</summary>
    public EvidenceKind Kind { get; init; }
}
