using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Events;

/// <summary>A log record tied to capture evidence: the frame it matches, the IKE SA, and how the tie was made.</summary>
/// <param name="How">Cookies, SPI, endpoints and time, or endpoints alone (<see cref="CorrelationMethods.Name"/> spells it).</param>
/// <param name="OffsetSeconds">Record time minus frame time (before clock correction).</param>
public sealed record CorrelatedEvent(EventRecord Record, FrameRef? Frame, IkeSa? Sa, CorrelationMethod How, double? OffsetSeconds);
