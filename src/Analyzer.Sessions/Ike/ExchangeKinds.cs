using Analyzer.Protocols.Ike;

namespace Analyzer.Sessions.Ike;

/// <summary>Maps wire exchange types to the model's kinds and says what completes each.</summary>
internal static class ExchangeKinds
{
    public static IkeExchangeKind From(ExchangeType type, bool v2) => (type, v2) switch
    {
        (ExchangeType.IdentityProtection, false) => IkeExchangeKind.MainMode,
        (ExchangeType.Aggressive, false) => IkeExchangeKind.AggressiveMode,
        (ExchangeType.QuickMode, false) => IkeExchangeKind.QuickMode,
        (ExchangeType.Informational, false) => IkeExchangeKind.Informational,
        (ExchangeType.Transaction, false) => IkeExchangeKind.Transaction,
        (ExchangeType.IkeSaInit, true) => IkeExchangeKind.IkeSaInit,
        (ExchangeType.IkeAuth, true) => IkeExchangeKind.IkeAuth,
        (ExchangeType.CreateChildSa, true) => IkeExchangeKind.CreateChildSa,
        (ExchangeType.InformationalV2, true) => IkeExchangeKind.InformationalV2,
        (ExchangeType.IkeIntermediate, true) => IkeExchangeKind.IkeIntermediate,
        _ => IkeExchangeKind.Unknown,
    };

    public static bool IsPhase1(IkeExchangeKind kind) => kind is IkeExchangeKind.MainMode or IkeExchangeKind.AggressiveMode;
}
