using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// A Delete payload (RFC 2408 §3.15, RFC 7296 §3.11): protocol ID (<c>ProtocolIds</c>, the same
/// numbers in both versions), its name for reports, and SPIs (for ISAKMP, the cookie pair).
/// </summary>
public sealed record IkeDeleteObservation(FrameRef Frame, bool FromInitiator, byte ProtocolId, string Protocol, IReadOnlyList<string> Spis);
