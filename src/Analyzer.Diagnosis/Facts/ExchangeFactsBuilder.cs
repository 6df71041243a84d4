using System.Globalization;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens one <see cref="IkeExchange"/> into <see cref="ExchangeFacts"/>.</summary>
internal static class ExchangeFactsBuilder
{
    public static ExchangeFacts Build(IkeExchange exchange, SaFacts sa, CaptureContext context) => new()
    {
        InputIndex = context.InputIndex,
        Input = context.Input,
        Vantage = context.Vantage,
        Sa = sa,
        Kind = exchange.Kind.ToString(),
        MessageId = exchange.MessageId.ToString("x8", CultureInfo.InvariantCulture),
        State = exchange.State.ToString(),
        HighestMessage = exchange.HighestMessage,
        StalledAfterMessage = exchange.StalledAfterMessage ?? 0,
        RejectingNotify = exchange.RejectingNotify is { } rejecting ? NotifyTypes.Name(rejecting.Type, rejecting.V2) : "",
        Messages = exchange.Messages.Count,
        Retransmissions = exchange.Messages.Count(m => m.Retransmission),
        Encrypted = exchange.Messages.Exists(m => m.Encrypted),
        Decrypted = exchange.Messages.Exists(m => m.Decrypted),
        EncapsulationMode = exchange.ChildSa?.EncapsulationModeId is int mode ? Ikev1AttributeNames.EncapsulationModes.Name(mode) : "",
        TrafficSelectors = exchange.ChildSa?.TrafficSelectors.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Value} proto {t.Protocol} port {t.Port}")).ToList() ?? [],
        Notifies = NotifyNames(exchange.Messages),
        Frames = exchange.Messages.ConvertAll(m => m.Frame),
    };

    /// <summary>
    /// Each notify's name once, in the order first seen (what Distinct gave), without its set and
    /// iterators: an exchange carries a handful of notifies, and a large capture thousands of exchanges.
    /// </summary>
    private static IReadOnlyList<string> NotifyNames(List<IkeMessage> messages)
    {
        List<string>? names = null;
        foreach (IkeMessage message in messages)
        {
            foreach (IkeNotifyObservation notify in message.Notifies)
            {
                string name = NotifyTypes.Name(notify.Type, notify.V2);
                names ??= [];
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }
        }

        if (names is null)
        {
            return Array.Empty<string>();
        }

        return names;
    }
}
