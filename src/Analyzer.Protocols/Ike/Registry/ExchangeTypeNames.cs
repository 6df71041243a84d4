namespace Analyzer.Protocols.Ike.Registry;

/// <summary>Exchange type names as tshark prints them (RFC 2408 §3.1, RFC 2409, RFC 7296 §3.1, RFC 9242).</summary>
public static class ExchangeTypeNames
{
    public static NameTable Table { get; } = new(new Dictionary<int, string>
    {
        [0] = "NONE",
        [1] = "Base",
        [2] = "Identity Protection (Main Mode)",
        [3] = "Authentication Only",
        [4] = "Aggressive",
        [5] = "Informational",
        [6] = "Transaction (Config Mode)",
        [32] = "Quick Mode",
        [33] = "New Group Mode",
        [34] = "IKE_SA_INIT",
        [35] = "IKE_AUTH",
        [36] = "CREATE_CHILD_SA",
        [37] = "INFORMATIONAL",
        [38] = "IKE_SESSION_RESUME",
        [43] = "IKE_INTERMEDIATE",
    }, (7, 31, "DOI Specific Use"), (39, 239, "Unassigned"), (240, 255, "Private Use"));

    public static string Name(ExchangeType type) => Table.Name((int)type);
}
