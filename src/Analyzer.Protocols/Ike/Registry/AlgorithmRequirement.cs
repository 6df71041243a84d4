namespace Analyzer.Protocols.Ike.Registry;

/// <summary>RFC 8247 §1.2's requirement levels (RFC 2119 words plus "+" and "-" for the expected direction of change).</summary>
public enum AlgorithmRequirement : byte
{
    /// <summary>The RFC does not list the algorithm.</summary>
    NotListed,
    Must,
    MustMinus,
    ShouldPlus,
    Should,
    May,
    ShouldNot,
    MustNot,
}
