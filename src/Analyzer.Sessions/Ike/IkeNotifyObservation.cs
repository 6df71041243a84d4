using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// A Notification payload seen in a message: its type number in the version's registry, who sent it,
/// where. <see cref="NotifyTypes.Name"/> spells it at the report (the same number means different
/// notifies in IKEv1 and IKEv2: 17 is INVALID-CERT-ENCODING in one, INVALID_KE_PAYLOAD in the other).
/// </summary>
public sealed record IkeNotifyObservation(
    FrameRef Frame,
    ushort Type,
    bool V2,
    bool FromInitiator,
    bool Encrypted,
    IkeNotifyDetail? Detail = null)
{
    /// <summary>Error notifies are types 1..16383 (RFC 2408 §3.14.1, RFC 7296 §3.10.1).</summary>
    public bool IsError => NotifyTypes.IsError(Type);
}
