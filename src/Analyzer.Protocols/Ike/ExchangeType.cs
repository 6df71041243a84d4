namespace Analyzer.Protocols.Ike;

/// <summary>ISAKMP/IKE exchange types (RFC 2408 §3.1, RFC 2409 §5, draft mode-cfg, RFC 7296 §3.1, RFC 9242).</summary>
public enum ExchangeType : byte
{
    None = 0,
    Base = 1,
    IdentityProtection = 2,
    AuthenticationOnly = 3,
    Aggressive = 4,
    Informational = 5,
    Transaction = 6,
    QuickMode = 32,
    NewGroupMode = 33,
    IkeSaInit = 34,
    IkeAuth = 35,
    CreateChildSa = 36,
    InformationalV2 = 37,
    IkeSessionResume = 38,
    IkeIntermediate = 43,
}
