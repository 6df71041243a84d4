using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// A Delete payload (RFC 2408 §3.15, RFC 7296 §3.11): the protocol it removes (the numbers are
/// <c>ProtocolIds</c>' in both versions; <see cref="V2"/> picks the registry that names it in a report)
/// and SPIs (for ISAKMP, the cookie pair).
/// </summary>
public sealed record IkeDeleteObservation(FrameRef Frame, bool FromInitiator, SecurityProtocol Protocol, bool V2, IReadOnlyList<string> Spis)
{
    /// <summary>The Delete removes the IKE SA itself (ISAKMP in IKEv1, IKE in IKEv2), not a child SA.</summary>
    public bool RemovesIkeSa => Protocol == SecurityProtocol.Ike;
}
