using Analyzer.Correlation.Paths;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Lines up an attempt's views and records what that concludes as <see cref="AttemptReconciliation"/>:
/// messages seen twice or lost in between, whether a NAT rewrote anything (from the path comparison's
/// translations and the two views' endpoints), forced encapsulation, and how the responder answered
/// the authentication message.
/// </summary>
internal static class ViewReconciler
{
    public static void Reconcile(ConnectionAttempt attempt, IReadOnlyList<PathComparison> paths)
    {
        AttemptReconciliation r = attempt.Reconciliation;
        AttemptView? client = attempt.ViewAt(VantageRoles.Client);
        AttemptView? server = attempt.ViewAt(VantageRoles.Server);
        r.BothEnds = client is not null && server is not null;
        r.MessagesSeenTwice = attempt.Messages.Count(m => m.Sighting == MessageSighting.Both);
        r.MessagesLostInBetween = attempt.Messages.Count(m => m.Sighting == MessageSighting.LostInBetween);
        r.NatDiscoveryReportedNat = attempt.Sas.Any(sa => sa.Nat.NatDetected);

        if (r.BothEnds)
        {
            bool translated = client!.Sa!.Initiator != server!.Sa!.Initiator || client.Sa.Responder != server.Sa.Responder;
            foreach (PathComparison path in paths)
            {
                if (path.IkeCookies.Contains(attempt.InitiatorSpi) && path.Translations.Count > 0)
                {
                    translated = true;
                }
            }

            r.AddressesTranslated = translated;
            r.ForcedEncapsulation = r.NatDiscoveryReportedNat && !translated;
        }

        r.AuthenticationAnsweredByInformational = attempt.Sas.Any(sa => sa.Exchanges.Any(e =>
            IsAuthentication(e.Kind) && e.State == ExchangeState.AnsweredByEncryptedInformational));
        r.ResponderRepeatedAfterAuthentication = RepeatedAfterAuthentication(attempt);
    }

    public static bool IsAuthentication(IkeExchangeKind kind) =>
        kind is IkeExchangeKind.MainMode or IkeExchangeKind.AggressiveMode or IkeExchangeKind.IkeAuth;

    /// <summary>Main Mode message 4 sent again after message 5 arrived (RFC 2409 §5: a responder that cannot verify message 5 has only message 4 to repeat).</summary>
    private static bool RepeatedAfterAuthentication(ConnectionAttempt attempt)
    {
        AttemptMessage? fifth = attempt.Messages.FirstOrDefault(m => m.First.Exchange == IkeExchangeKind.MainMode && m.First.Number == 5);
        AttemptMessage? fourth = attempt.Messages.FirstOrDefault(m => m.First.Exchange == IkeExchangeKind.MainMode && m.First.Number == 4);
        if (fifth is null || fourth is null || fourth.Sends < 2)
        {
            return false;
        }

        return fourth.Frames.Any(f => f.Time > fifth.Time);
    }
}
