using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>A Delete payload (RFC 2408 §3.15): protocol and SPIs (for ISAKMP, the cookie pair).</summary>
public sealed record IkeDeleteObservation(FrameRef Frame, bool FromInitiator, string Protocol, IReadOnlyList<string> Spis);
