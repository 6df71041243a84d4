using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// The algorithms offered and chosen (Phase 1 and every child SA) that the registry's RFC 8247 table
/// calls weak, each named as its proposal shows it.
/// </summary>
internal static class WeakAlgorithmNames
{
    public static (List<string> Offered, List<string> Chosen) Of(IkeSa sa, IReadOnlyList<IkeExchange> childExchanges)
    {
        List<string> offered = [];
        List<string> chosen = [];
        foreach (IkeProposal proposal in sa.Proposals)
        {
            Collect(proposal, offered);
        }

        if (sa.Chosen is not null)
        {
            Collect(sa.Chosen, chosen);
        }

        foreach (IkeExchange exchange in childExchanges)
        {
            if (exchange.ChildSa is { } child)
            {
                child.Offered.ForEach(p => Collect(p, offered));
                if (child.Chosen is not null)
                {
                    Collect(child.Chosen, chosen);
                }
            }
        }

        return (offered, chosen);
    }

    private static void Collect(IkeProposal proposal, List<string> into)
    {
        foreach (var weak in proposal.WeakAlgorithms)
        {
            string name = proposal.NameOf(weak);
            if (!into.Contains(name))
            {
                into.Add(name);
            }
        }
    }
}
