using Analyzer.Protocols.Ike;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// Where a message belongs: the exchange it is part of (IKEv1 by exchange type and message ID and who
/// started it; IKEv2 by request or response, a retried request starting a new attempt) and its
/// position in that exchange (MM1..MM6, QM1..QM3; IKEv2 request 1, response 2).
/// </summary>
internal static class ExchangePlacement
{
    public static IkeExchange ExchangeOf(SaBuilder builder, in IsakmpHeader header, IkeExchangeKind kind, bool fromInitiator, bool retransmission)
    {
        if (!header.IsV2)
        {
            // Main/Aggressive Mode belong to the SA's initiator; other exchanges to whoever sent the first message with that ID.
            if (ExchangeKinds.IsPhase1(kind))
            {
                // RFC 2408 §3.1: phase 1 runs under message ID zero. A phase 1 message with another ID
                // was damaged on the way (MessageAnomalies notes it); it still belongs to the SA's one
                // phase 1 exchange, not to an exchange of its own that would leave phase 1 unstarted.
                return builder.ExchangeFor(kind, 0, true, false);
            }

            if (builder.TryGetExchange(kind, header.MessageId, !fromInitiator, out IkeExchange? answered) && answered is not null)
            {
                return answered;
            }

            return builder.ExchangeFor(kind, header.MessageId, fromInitiator, false);
        }

        bool response = header.V2Response;
        bool byInitiator = fromInitiator ^ response;
        if (builder.TryGetExchange(kind, header.MessageId, byInitiator, out IkeExchange? existing) && existing is not null)
        {
            // A fresh request after a response with the same ID is a retry (COOKIE, INVALID_KE_PAYLOAD): a new attempt.
            bool answeredAlready = existing.Messages.Exists(m => m.Number == 2);
            if (!response && !retransmission && answeredAlready)
            {
                return builder.ExchangeFor(kind, header.MessageId, byInitiator, true);
            }

            return existing;
        }

        return builder.ExchangeFor(kind, header.MessageId, byInitiator, false);
    }

    public static int NumberOf(SaBuilder builder, IkeExchange exchange, IkeMessage message, in IsakmpHeader header, IsakmpContent content, bool v2)
    {
        if (v2)
        {
            return header.V2Response ? 2 : 1;
        }

        bool fromStarter = message.FromInitiator == exchange.StartedByInitiator;
        if (content.Fragment is { } fragment)
        {
            IkeFragmentedMessage? set = builder.FragmentSetFor(message.FromInitiator, fragment.FragmentId);
            if (set?.MessageNumber is int known)
            {
                return known;
            }
        }

        if (exchange.Kind == IkeExchangeKind.MainMode && content.Fragment is null)
        {
            // RFC 2409 §5: MM1/2 carry SA, MM3/4 KE and nonce, MM5/6 are encrypted.
            int pair = header.IsEncrypted ? 3 : content.Has(PayloadType.KeyExchange) ? 2 : content.Has(PayloadType.SecurityAssociation) ? 1 : 0;
            if (pair > 0)
            {
                return (pair * 2) - (fromStarter ? 1 : 0);
            }
        }

        // Otherwise messages alternate: the next number of the right parity after the highest so far.
        int highest = exchange.HighestMessage;
        int next = highest + 1;
        bool nextIsStarters = next % 2 == 1;
        return nextIsStarters == fromStarter ? next : next + 1;
    }
}
