using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// What a notify's data says, as values: a DPD sequence or DH group number in <see cref="Number"/> (the
/// group named by the registry at the report), a REDIRECT's gateway as an address (so redaction knows
/// it is one) or as the peer's text.
/// </summary>
public readonly record struct IkeNotifyDetail(IkeNotifyDetailKind Kind, uint Number = 0, NetAddress? Gateway = null, string? GatewayName = null);
