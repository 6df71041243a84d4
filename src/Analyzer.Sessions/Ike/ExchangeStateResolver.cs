using Analyzer.Core;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// Decides, at the end of the capture, where each exchange and the SA ended: completed, rejected by
/// a notify, answered by an encrypted Informational, unanswered, abandoned or still in progress.
/// </summary>
internal static class ExchangeStateResolver
{
    /// <summary>An unanswered message this close to the end of the capture may still be answered.</summary>
    private const double InProgressSeconds = 5;

    internal static void Resolve(IkeSa sa, Timestamp captureEnd, LatestAttempts attempts)
    {
        foreach (IkeExchange exchange in sa.Exchanges)
        {
            ResolveExchange(sa, exchange, captureEnd, attempts);
        }

        sa.State = sa.Version == 2 ? V2State(sa) : V1State(sa);
    }

    private static void ResolveExchange(IkeSa sa, IkeExchange exchange, Timestamp captureEnd, LatestAttempts attempts)
    {
        if (exchange.Messages.Count == 0)
        {
            return;
        }

        IkeMessage last = exchange.Messages[^1];
        IkeNotifyObservation? inExchange = ErrorFromAnswerer(exchange);
        if (inExchange is not null && RefusesOnlyTheChild(sa, exchange, inExchange))
        {
            // RFC 7296 §2.21.2: the responder authenticated (AUTH sent) and refused only the CHILD SA.
            (exchange.ChildSa ??= new ChildSaNegotiation()).RefusedBy = inExchange;
            inExchange = null;
        }

        if (inExchange is not null)
        {
            exchange.State = ExchangeState.RejectedByNotify;
            exchange.RejectingNotify = inExchange;
            return;
        }

        if (IsComplete(exchange))
        {
            IkeNotifyObservation? refusal = sa.Version == 2 && exchange.Kind == IkeExchangeKind.IkeAuth ? InitiatorRefusal(sa, exchange) : null;
            exchange.State = refusal is null ? ExchangeState.Completed : ExchangeState.RejectedByNotify;
            exchange.RejectingNotify = refusal;
            return;
        }

        // An answer outside the exchange: the peer's Informational after our last message.
        IkeMessage lastDistinct = LastDistinct(exchange);
        foreach (IkeMessage message in sa.Messages)
        {
            if (message.Exchange is not (IkeExchangeKind.Informational or IkeExchangeKind.InformationalV2)
                || message.FromInitiator == lastDistinct.FromInitiator
                || message.Frame.Time < lastDistinct.Frame.Time
                || ReferenceEquals(message, lastDistinct))
            {
                continue;
            }

            IkeNotifyObservation? error = message.Notifies.Find(n => n.IsError);
            if (error is not null)
            {
                exchange.State = ExchangeState.RejectedByNotify;
                exchange.RejectingNotify = error;
                exchange.StalledAfterMessage = exchange.HighestMessage;
                return;
            }

            if (message.Encrypted && !message.Decrypted)
            {
                exchange.State = ExchangeState.AnsweredByEncryptedInformational;
                exchange.StalledAfterMessage = exchange.HighestMessage;
                return;
            }
        }

        exchange.StalledAfterMessage = exchange.HighestMessage;
        if (exchange.LastMessageRepeated)
        {
            exchange.State = ExchangeState.NoResponse;
        }
        else if (sa.Deletes.Count > 0 || attempts.StartedAfter(sa, last.Frame.Time))
        {
            exchange.State = ExchangeState.Abandoned;
        }
        else if (captureEnd.SecondsSince(last.Frame.Time) < InProgressSeconds)
        {
            exchange.State = ExchangeState.InProgress;
            exchange.StalledAfterMessage = null;
        }
        else
        {
            exchange.State = ExchangeState.NoResponse;
        }
    }

    private static bool IsComplete(IkeExchange exchange) => exchange.Kind switch
    {
        IkeExchangeKind.MainMode => exchange.HighestMessage >= 6,
        IkeExchangeKind.AggressiveMode => exchange.HighestMessage >= 3,
        IkeExchangeKind.QuickMode => exchange.HighestMessage >= (exchange.Commit ? 4 : 3),
        IkeExchangeKind.Informational => true,
        IkeExchangeKind.Transaction => exchange.HighestMessage % 2 == 0,
        IkeExchangeKind.Unknown => true,
        _ => exchange.HighestMessage >= 2,
    };

    /// <summary>An error notify sent by the side that did not start the exchange (IKEv2 responses, decrypted Quick Mode answers).</summary>
    private static IkeNotifyObservation? ErrorFromAnswerer(IkeExchange exchange)
    {
        foreach (IkeMessage message in exchange.Messages)
        {
            if (message.FromInitiator == exchange.StartedByInitiator)
            {
                continue;
            }

            foreach (IkeNotifyObservation notify in message.Notifies)
            {
                // COOKIE and REDIRECT are not errors, but like errors they end this attempt.
                if (notify.IsError || notify.Type is Protocols.Ike.Registry.NotifyTypes.V2Cookie or Protocols.Ike.Registry.NotifyTypes.V2Redirect)
                {
                    return notify;
                }
            }
        }

        return null;
    }

    private static bool RefusesOnlyTheChild(IkeSa sa, IkeExchange exchange, IkeNotifyObservation notify) =>
        sa.Version == 2 && exchange.Kind == IkeExchangeKind.IkeAuth && !notify.FromInitiator
        && Protocols.Ike.Registry.NotifyTypes.IsChildSaFailure(notify.Type)
        && sa.V2.AuthPayloads.Exists(a => !a.FromInitiator && a.Frame.Frame == notify.Frame.Frame);

    /// <summary>
    /// RFC 7296 §2.21.2: an initiator that cannot accept the responder's authentication (certificate,
    /// AUTH, EAP) answers a completed IKE_AUTH exchange with an INFORMATIONAL request carrying
    /// AUTHENTICATION_FAILED; the IKE SA never comes up. Seen only when that request was decrypted.
    /// </summary>
    private static IkeNotifyObservation? InitiatorRefusal(IkeSa sa, IkeExchange exchange)
    {
        IkeMessage answer = exchange.Messages[^1];
        foreach (IkeMessage message in sa.Messages)
        {
            if (message.Frame.Frame <= answer.Frame.Frame || !message.FromInitiator)
            {
                continue;
            }

            if (message.Exchange != IkeExchangeKind.InformationalV2)
            {
                return null;   // the initiator went on with another exchange: it accepted the answer
            }

            return message.Notifies.Find(n => Protocols.Ike.Registry.NotifyTypes.IsAuthenticationFailure(2, n.Type, true));
        }

        return null;
    }

    private static IkeMessage LastDistinct(IkeExchange exchange)
    {
        for (int i = exchange.Messages.Count - 1; i >= 0; i--)
        {
            if (!exchange.Messages[i].Retransmission)
            {
                return exchange.Messages[i];
            }
        }

        return exchange.Messages[^1];
    }

    private static IkeSaState V1State(IkeSa sa)
    {
        IkeExchange? phase1 = sa.Exchanges.Find(e => e.Kind is IkeExchangeKind.MainMode or IkeExchangeKind.AggressiveMode);
        if (phase1 is null)
        {
            // Joined after Phase 1: encrypted exchanges imply an established SA.
            return sa.Messages.Exists(m => m.Encrypted) ? IkeSaState.Established : IkeSaState.Negotiating;
        }

        return phase1.State switch
        {
            ExchangeState.Completed => DeletedOr(sa, IkeSaState.Established),
            ExchangeState.InProgress => IkeSaState.Negotiating,
            ExchangeState.NoResponse or ExchangeState.Abandoned when phase1.HighestMessage <= 1 => IkeSaState.NoResponse,
            _ => IkeSaState.Failed,
        };
    }

    private static IkeSaState DeletedOr(IkeSa sa, IkeSaState otherwise) =>
        sa.Deletes.Exists(d => d.RemovesIkeSa) ? IkeSaState.Deleted : otherwise;

    private static IkeSaState V2State(IkeSa sa)
    {
        IkeExchange? auth = sa.Exchanges.FindLast(e => e.Kind == IkeExchangeKind.IkeAuth);
        if (auth is not null)
        {
            return auth.State switch
            {
                ExchangeState.Completed => IkeSaState.Established,
                ExchangeState.InProgress => IkeSaState.Negotiating,
                _ => IkeSaState.Failed,
            };
        }

        IkeExchange? init = sa.Exchanges.FindLast(e => e.Kind == IkeExchangeKind.IkeSaInit);
        if (init is null)
        {
            return sa.Messages.Count > 0 ? IkeSaState.Established : IkeSaState.Negotiating;
        }

        bool everAnswered = sa.Exchanges.Exists(e => e.Kind == IkeExchangeKind.IkeSaInit && e.HighestMessage >= 2);
        return init.State switch
        {
            ExchangeState.Completed or ExchangeState.InProgress => IkeSaState.Negotiating,
            ExchangeState.NoResponse or ExchangeState.Abandoned when !everAnswered => IkeSaState.NoResponse,
            _ => IkeSaState.Failed,
        };
    }
}
