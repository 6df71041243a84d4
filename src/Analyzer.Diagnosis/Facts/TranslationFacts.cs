namespace Analyzer.Diagnosis.Facts;

/// <summary>One NAT mapping seen by matching packets across captures (subject <c>translation</c>).</summary>
public sealed class TranslationFacts : FactOrigin
{
    public string Protocol { get; init; } = "";
    public string Inside { get; init; } = "";
    public string Outside { get; init; } = "";
    /// <summary>"agreed", "disagreed" or "unknown" (NAT-D not exchanged or not verified).</summary>
    public string NatDiscovery { get; init; } = "unknown";
    /// <summary>Some IKE SA between these peers floated to UDP 4500.</summary>
    public bool NatTUsed { get; init; }
    public string Captures { get; init; } = "";
}
