namespace Analyzer.Core;

/// <summary>
/// Where a piece of evidence came from: which input, which frame (1-based, numbered as Wireshark
/// numbers them) or record, and when.
/// </summary>
public readonly record struct FrameRef(int InputIndex, long Frame, Timestamp Time);
