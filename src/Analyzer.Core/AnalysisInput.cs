namespace Analyzer.Core;

/// <summary>
/// One file taking part in an analysis. <see cref="Index"/> is what <see cref="FrameRef.InputIndex"/>
/// points at; <see cref="DisplayName"/> is how the report names it (path as given, or bundle-relative).
/// </summary>
public sealed record AnalysisInput(int Index, string Path, string DisplayName, InputKind Kind);
