using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions;
using Analyzer.Sessions.Sealed;

namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>
/// A tunnel that works carries traffic after its setup; one whose inner setup is refused carries a
/// short burst both ways (request, refusal, acknowledgement) and then nothing until the SA is
/// deleted. The burst's size tells how far the inner setup got: an L2TP tunnel refused at its SCCRQ
/// (StopCCN, RFC 2661 §6.4) takes 2-4 packets; tunnel and call set up take 8-16 (SCCRQ..ICCN with
/// acknowledgements); PPP negotiation and authentication add 8-24 more before a refusal ends them.
/// </summary>
internal static class ShortExchangeInference
{
    /// <summary>No ESP either way for this long ends the burst (L2TP acknowledges within a second).</summary>
    private const double SilenceGap = 3.0;
    private const int LongestBurst = 40;
    private const int RefusedAtFirstMessage = 4;
    private const int SetUpWithoutPpp = 16;

    public static void Find(SealedConversation conversation, CaptureContext context, List<InferenceFacts> into)
    {
        ChunkedList<SealedPacket> packets = conversation.Packets;
        int end = 1;
        while (end < packets.Count && end <= LongestBurst && packets[end].Time.SecondsSince(packets[end - 1].Time) < SilenceGap)
        {
            end++;
        }

        if (end > LongestBurst)
        {
            return;
        }

        Timestamp burstEnd = packets[end - 1].Time;
        Timestamp resumed = end < packets.Count ? packets[end].Time : context.End;
        double silence = resumed.SecondsSince(burstEnd);
        bool answered = false;
        for (int k = 0; k < end; k++)
        {
            answered |= packets[k].FromFirst != packets[0].FromFirst;
        }

        if (!answered || silence < SilenceGap)
        {
            return;
        }

        IkeMessage? informational = InformationalAfter(conversation.Sa, burstEnd);
        string next = end < packets.Count
            ? string.Create(CultureInfo.InvariantCulture, $"ESP resumed {silence:0.0} s later")
            : "no ESP after it";
        string delete = informational is null
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"; an encrypted Informational (probably a Delete) from {informational.From} {informational.Frame.Time.SecondsSince(burstEnd):0.0} s after the burst");
        string basis = string.Create(CultureInfo.InvariantCulture,
            $"{end} ESP packets both ways within {burstEnd.SecondsSince(packets[0].Time):0.00} s of the first, then {silence:0.0} s without ESP ({next}){delete}");

        var frames = new List<FrameRef>(end + 1);
        for (int k = 0; k < end; k++)
        {
            frames.Add(packets[k].Frame);
        }

        if (informational is not null)
        {
            frames.Add(informational.Frame);
        }

        into.Add(new InferenceFacts
        {
            InputIndex = context.InputIndex,
            Input = context.Input,
            Vantage = context.Vantage,
            Kind = InferenceKinds.ShortExchangeThenSilence,
            Client = conversation.Client.ToString(),
            Server = conversation.Server.ToString(),
            IkeVersion = conversation.IkeVersion,
            CarriesL2tp = conversation.CarriesL2tp,
            Basis = basis,
            Meaning = Meaning(end, conversation.CarriesL2tp),
            PacketsBeforeSilence = end,
            PppStartedThenStopped = conversation.CarriesL2tp && end > SetUpWithoutPpp,
            SilenceSeconds = silence,
            Answered = true,
            AtStartOfSa = true,
            EndedBy = conversation.FromClient(packets[end - 1]) ? "client" : "server",
            DisplayFilter = string.Create(CultureInfo.InvariantCulture, $"esp.spi == 0x{packets[0].Spi:x8} || esp.spi == 0x{OtherSpi(conversation):x8}"),
            Frames = frames,
        });
    }

    private static string Meaning(int burst, bool l2tp)
    {
        if (!l2tp)
        {
            return "the tunnel carried a short exchange and then nothing: whatever ran inside was set up or refused in a few packets and not used";
        }

        return burst <= RefusedAtFirstMessage
            ? "the L2TP tunnel was probably refused at its first message: an SCCRQ answered by a StopCCN (access denied, or no tunnel allowed from this peer)"
            : burst <= SetUpWithoutPpp
                ? "the L2TP tunnel and call were probably set up (SCCRQ..ICCN) and then ended before PPP carried anything (the LNS could not start PPP, or hung up the call)"
                : "L2TP came up and PPP started, then stopped after a few exchanges: PPP authentication was probably refused (Windows error 691) or LCP/IPCP failed";
    }

    private static IkeMessage? InformationalAfter(IkeSa? sa, Timestamp after)
    {
        if (sa is null)
        {
            return null;
        }

        foreach (IkeMessage message in sa.Messages)
        {
            if (message.Frame.Time > after && message.Encrypted
                && message.Exchange is IkeExchangeKind.Informational or IkeExchangeKind.InformationalV2)
            {
                return message;
            }
        }

        return null;
    }

    private static uint OtherSpi(SealedConversation conversation)
    {
        foreach (SealedPacket packet in conversation.Packets)
        {
            if (packet.FromFirst != conversation.Packets[0].FromFirst)
            {
                return packet.Spi;
            }
        }

        return conversation.Packets[0].Spi;
    }
}
