namespace Analyzer.Sessions.Ike;

/// <summary>The exchanges vpndiag tells apart (RFC 2408 §4, RFC 2409 §5, RFC 7296 §1).</summary>
public enum IkeExchangeKind : byte
{
    Unknown,
    MainMode,
    AggressiveMode,
    QuickMode,
    Informational,
    /// <summary>ISAKMP Transaction (mode-config, XAUTH).</summary>
    Transaction,
    IkeSaInit,
    IkeAuth,
    CreateChildSa,
    InformationalV2,
    IkeIntermediate,
}
