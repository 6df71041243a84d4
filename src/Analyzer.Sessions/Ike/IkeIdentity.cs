using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// An ID payload (RFC 2407 §4.6.2, RFC 7296 §3.5): type number (named by <c>IdentificationTypes.Name</c>
/// in a report, per <see cref="V2"/>), value as text, protocol and port, and what the type number says
/// the value is (<see cref="Kind"/>, which later stages read).
/// </summary>
public sealed record IkeIdentity(FrameRef Frame, bool FromInitiator, byte IdType, bool V2, string Value, byte Protocol, ushort Port)
{
    public required IdentityKind Kind { get; init; }
}
