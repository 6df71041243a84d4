using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// The algorithms offered and chosen (the IKE SA and every child SA) that the registry's tables call weak
/// (RFC 8247 for the IKE SA, RFC 8221 for ESP and AH), each named by its registry with its level; and
/// whether a chosen child SA encrypts nothing (ESP with ENCR_NULL).
/// </summary>
internal static class WeakAlgorithmNames
{
    /// <summary>Every exchange that carried a child SA counts: Quick Mode, IKEv2 IKE_AUTH (the first CHILD_SA, RFC 7296 §1.2) and CREATE_CHILD_SA.</summary>
    public static (List<string> Offered, List<string> Chosen, bool ChosenWithoutConfidentiality) Of(IkeSa sa)
    {
        List<string> offered = [];
        List<string> chosen = [];
        bool withoutConfidentiality = false;
        foreach (IkeProposal proposal in sa.Proposals)
        {
            Collect(proposal, offered);
        }

        if (sa.Chosen is not null)
        {
            Collect(sa.Chosen, chosen);
        }

        foreach (IkeExchange exchange in sa.Exchanges)
        {
            if (exchange.ChildSa is { } child)
            {
                child.Offered.ForEach(p => Collect(p, offered));
                if (child.Chosen is not null)
                {
                    Collect(child.Chosen, chosen);
                    withoutConfidentiality |= IsEspNull(child.Chosen);
                }
            }
        }

        return (offered, chosen, withoutConfidentiality);
    }

    // RFC 2410: ESP with the NULL cipher authenticates but does not encrypt (RFC 8221 §5 keeps it a MUST for that use).
    private static bool IsEspNull(IkeProposal proposal) => proposal.Protocol == SecurityProtocol.Esp
        && proposal.Encryption is { Registry: TransformRegistry.V1EspTransform or TransformRegistry.V2Encryption, Id: 11 };

    private static void Collect(IkeProposal proposal, List<string> into)
    {
        foreach (JudgedAlgorithm weak in proposal.WeakAlgorithms)
        {
            string text = WeakAlgorithmText.Of(weak.Value.Name, weak);
            if (!into.Contains(text))
            {
                into.Add(text);
            }
        }
    }
}
