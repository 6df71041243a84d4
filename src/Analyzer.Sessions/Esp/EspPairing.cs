namespace Analyzer.Sessions.Esp;

/// <summary>
/// How the two directions of an ESP SA were found to belong together. The first three are exact: the
/// child SA negotiation that named both SPIs, IKEv1's Quick Mode (RFC 2409 §5.5) or IKEv2's IKE_AUTH
/// (the first child SA, RFC 7296 §1.2) or CREATE_CHILD_SA (later ones and rekeys, §1.3). The last two
/// are inferred where no negotiation was readable. Reports spell them in kebab case ("ike-auth").
/// </summary>
public enum EspPairing : byte
{
    QuickMode,
    IkeAuth,
    CreateChildSa,

    /// <summary>The first flows coming back after the latest child SA negotiation between the same addresses.</summary>
    Timing,

    /// <summary>No negotiation between these addresses: flows alive at nearly the same time.</summary>
    AddressPair,
}
