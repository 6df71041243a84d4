using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Events;

/// <summary>A log record tied to capture evidence: the frame it matches, the IKE SA, and how the tie was made.</summary>
/// <param name="How">"cookies", "endpoints-and-time", "spi".</param>
/// <param name="OffsetSeconds">Record time minus frame time (before clock correction).</param>
public sealed record CorrelatedEvent(EventRecord Record, FrameRef? Frame, IkeSa? Sa, string How, double? OffsetSeconds);
