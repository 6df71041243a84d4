namespace Analyzer.Protocols.Ike.Registry;

/// <summary>Domain of interpretation (RFC 2408 §3.4, RFC 2407 §4.2, RFC 3547) and IPsec DOI situation bits.</summary>
public static class DoiSituation
{
    public const uint IpsecDoi = 1;

    public static NameTable Domains { get; } = new(new Dictionary<int, string>
    {
        [0] = "ISAKMP",
        [1] = "IPSEC",
        [2] = "GDOI",
    });

    /// <summary>"SIT_IDENTITY_ONLY|SIT_INTEGRITY" style text for the situation bitmap.</summary>
    public static string Situation(uint bits)
    {
        if (bits == 0)
        {
            return "none";
        }

        var parts = new List<string>(3);
        if ((bits & 1) != 0)
        {
            parts.Add("SIT_IDENTITY_ONLY");
        }

        if ((bits & 2) != 0)
        {
            parts.Add("SIT_SECRECY");
        }

        if ((bits & 4) != 0)
        {
            parts.Add("SIT_INTEGRITY");
        }

        if ((bits & ~7u) != 0)
        {
            parts.Add(NameTable.Unknown(bits & ~7u));
        }

        return string.Join('|', parts);
    }
}
