namespace Analyzer.Sessions.Ike;

/// <summary>
/// How an engineer reads each exchange kind: RFC 2409's words for IKEv1 ("Main Mode", "Quick Mode"),
/// RFC 7296's identifiers for IKEv2 ("IKE_SA_INIT"). The one table findings, report labels and the
/// attempts table spell exchanges from; the enum's identifier is a token, never shown.
/// </summary>
public static class IkeExchangeNames
{
    public static string Name(IkeExchangeKind kind) => kind switch
    {
        IkeExchangeKind.MainMode => "Main Mode",
        IkeExchangeKind.AggressiveMode => "Aggressive Mode",
        IkeExchangeKind.QuickMode => "Quick Mode",
        IkeExchangeKind.Informational => "Informational",
        IkeExchangeKind.Transaction => "Transaction (mode-config/XAUTH)",
        IkeExchangeKind.IkeSaInit => "IKE_SA_INIT",
        IkeExchangeKind.IkeAuth => "IKE_AUTH",
        IkeExchangeKind.CreateChildSa => "CREATE_CHILD_SA",
        IkeExchangeKind.InformationalV2 => "INFORMATIONAL",
        IkeExchangeKind.IkeIntermediate => "IKE_INTERMEDIATE",
        _ => "unknown",
    };

    /// <summary>The name of an SA's first exchange in a finding's sentence ("sent Main Mode message 1"); "Phase 1" when none was seen.</summary>
    public static string Phase1(IkeExchangeKind kind) =>
        kind is IkeExchangeKind.MainMode or IkeExchangeKind.AggressiveMode or IkeExchangeKind.IkeSaInit ? Name(kind) : "Phase 1";

    /// <summary>The kind a report document's kebab value ("main-mode", "informational-v2") stands for.</summary>
    public static bool TryParseKebab(string kebab, out IkeExchangeKind kind) =>
        Enum.TryParse(kebab.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out kind) && Enum.IsDefined(kind);
}
