using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// Why a NAT is likely between the SA's peers, strongest evidence first: the NAT-D hashes, a
/// translation the captures show, a private address talking to a public one.
/// </summary>
internal static class NatEvidence
{
    public static (bool Likely, string Evidence) Of(IkeSa sa, CaptureContext context)
    {
        if (sa.Nat.NatDetected)
        {
            // Whole literals, not a concatenation: one string for every SA behind a NAT.
            return (true, sa.Nat.InitiatorBehindNat == true ? "NAT-D hashes show the initiator behind a NAT" : "NAT-D hashes show the responder behind a NAT");
        }

        foreach (var path in context.Paths)
        {
            foreach (var translation in path.Translations)
            {
                if (translation.Outside.Address == sa.Initiator.Address || translation.Inside.Address == sa.Initiator.Address
                    || translation.Outside.Address == sa.Responder.Address || translation.Inside.Address == sa.Responder.Address)
                {
                    return (true, $"the captures show {translation.Inside} translated to {translation.Outside}");
                }
            }
        }

        bool initiatorPrivate = sa.Initiator.Address.IsPrivate;
        bool responderPrivate = sa.Responder.Address.IsPrivate;
        if (initiatorPrivate != responderPrivate)
        {
            string inside = initiatorPrivate ? sa.Initiator.Address.ToString() : sa.Responder.Address.ToString();
            return (true, $"{inside} is a private address talking to a public one, so a NAT must sit between them");
        }

        return (false, "");
    }
}
