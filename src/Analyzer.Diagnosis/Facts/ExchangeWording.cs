using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// How findings name a Phase 1 exchange in their sentences ("sent Main Mode message 1"): the enum's
/// identifier is a token for conditions, not a word a support engineer reads.
/// </summary>
public static class ExchangeWording
{
    public static string Phase1(IkeExchangeKind kind) => kind switch
    {
        IkeExchangeKind.MainMode => "Main Mode",
        IkeExchangeKind.AggressiveMode => "Aggressive Mode",
        IkeExchangeKind.IkeSaInit => "IKE_SA_INIT",
        _ => "Phase 1",
    };
}
