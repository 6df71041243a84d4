using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Correlation.Attempts;

/// <summary>One piece of evidence for a stage verdict: a frame or a log record (or neither, for a comparison), its kind and a line of text.</summary>
public sealed record AttemptEvidence(EvidenceKind Kind, string Text, FrameRef? Frame = null, EventRecord? Record = null);
