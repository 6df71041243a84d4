using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Sessions.Ike;

/// <summary>
/// What is wrong with one message as captured (typed <see cref="IkeAnomaly"/> on its SA): cut short,
/// bytes past its length or past its last payload, broken or unknown payloads, an unknown exchange.
/// </summary>
internal static class MessageAnomalies
{
    public static void Record(SaBuilder builder, in VpnDatagram datagram, in IsakmpHeader header, IsakmpContent content, int captured)
    {
        // The capture's snapshot length cut the message (captured below the wire length): its
        // tail is missing by the capturer's choice, not damaged, and the payload that runs into
        // the cut is not malformed. The tracker tells the cut once per capture.
        bool cutByCapture = datagram.IsTruncated && header.Length > captured;
        if (header.Length > captured && !cutByCapture)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.TruncatedMessage, datagram.Frame, string.Create(CultureInfo.InvariantCulture,
                $"header says {header.Length} bytes, {captured} captured")));
        }
        else if (captured > header.Length)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.PayloadExtraData, datagram.Frame, string.Create(CultureInfo.InvariantCulture,
                $"{captured - header.Length} bytes after the message's declared length")));
        }

        foreach (ParseError error in content.Errors)
        {
            if (cutByCapture && error.Kind is ParseErrorKind.Truncated or ParseErrorKind.BadLength)
            {
                continue;
            }

            builder.Note(new IkeAnomaly(IkeAnomalyKind.MalformedPayload, datagram.Frame, error.ToString()));
        }

        if (content.ExtraBytes > 0 && !header.IsEncrypted)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.PayloadExtraData, datagram.Frame, string.Create(CultureInfo.InvariantCulture,
                $"{content.ExtraBytes} bytes after the last payload at offset 0x{content.ExtraBytesOffset:X}")));
        }

        foreach (PayloadType type in content.Types)
        {
            if (!PayloadNames.Table.IsKnown((int)type))
            {
                builder.Note(new IkeAnomaly(IkeAnomalyKind.UnknownPayload, datagram.Frame, PayloadNames.Name(type)));
            }
        }

        if (!header.IsV2 && header.MessageId != 0 && ExchangeKinds.IsPhase1(ExchangeKinds.From(header.Exchange, false)))
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.MalformedHeader, datagram.Frame, string.Create(CultureInfo.InvariantCulture,
                $"{ExchangeTypeNames.Name(header.Exchange)} message with message ID 0x{header.MessageId:x8} (phase 1 messages carry 0, RFC 2408 §3.1; a responder drops it)")));
        }

        if (ExchangeKinds.From(header.Exchange, header.IsV2) == IkeExchangeKind.Unknown)
        {
            builder.Note(new IkeAnomaly(IkeAnomalyKind.UnexpectedExchange, datagram.Frame, ExchangeTypeNames.Name(header.Exchange)));
        }
    }
}
