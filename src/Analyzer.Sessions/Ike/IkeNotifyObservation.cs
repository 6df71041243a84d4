using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>A Notification payload seen in a message: type number and RFC name, who sent it, where.</summary>
public sealed record IkeNotifyObservation(
    FrameRef Frame,
    ushort Type,
    string Name,
    bool FromInitiator,
    bool Encrypted,
    string? Detail = null)
{
    /// <summary>Error notifies are types 1..16383 (RFC 2408 §3.14.1, RFC 7296 §3.10.1).</summary>
    public bool IsError => NotifyTypes.IsError(Type);
}
