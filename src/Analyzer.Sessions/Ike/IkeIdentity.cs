using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// An ID payload (RFC 2407 §4.6.2, RFC 7296 §3.5): type name for reports, value as text, protocol and
/// port, and what the type number says the value is (<see cref="Kind"/>, which later stages read).
/// </summary>
public sealed record IkeIdentity(FrameRef Frame, bool FromInitiator, string Type, string Value, byte Protocol, ushort Port)
{
    public required IdentityKind Kind { get; init; }
}
