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
        Notifies = exchange.Messages.SelectMany(m => m.Notifies).Select(n => NotifyTypes.Name(n.Type, n.V2)).Distinct().ToList(),
        Frames = exchange.Messages.Select(m => m.Frame).ToList(),
    };
}
