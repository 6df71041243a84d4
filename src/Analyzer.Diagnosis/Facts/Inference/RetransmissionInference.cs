using System.Globalization;
using System.Text;
using Analyzer.Core;
using Analyzer.Sessions;
using Analyzer.Sessions.Sealed;

namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>
/// L2TP's control channel retransmits an unacknowledged message with exponential back-off
/// (RFC 2661 §5.8: 1 s, then doubling up to a cap of 8 s or more, about five times before the
/// tunnel is given up; xl2tpd and Windows follow it). Under ESP the copies keep their size (same
/// message, same cipher padding), so the same ESP length from one side at growing intervals with
/// nothing coming back is a control message that no one acknowledges. TCP SYN back-off looks the
/// same, so only an IKEv1 (L2TP/IPsec) conversation is called L2TP.
/// </summary>
internal static class RetransmissionInference
{
    private const int MinimumCopies = 3;
    private const double FirstGapMinimum = 0.5;
    private const double FirstGapMaximum = 4.0;
    private const double GrowthMinimum = 1.5;
    private const double GrowthMaximum = 2.6;
    /// <summary>Back-off capped (xl2tpd: 8 s): equal gaps count once the gap is this long.</summary>
    private const double CappedGap = 7.0;
    private const double LongestGap = 40.0;
    /// <summary>Bounds the scan for copies (a bulk transfer has many same-sized packets).</summary>
    private const int ScanLimit = 256;

    public static void Find(SealedConversation conversation, CaptureContext context, List<InferenceFacts> into)
    {
        ChunkedList<SealedPacket> packets = conversation.Packets;
        var used = new bool[packets.Count];
        var chain = new List<int>();  // one list reused for every start (a new one per packet allocated 3 MB on 200 MB)
        for (int i = 0; i < packets.Count; i++)
        {
            if (used[i])
            {
                continue;
            }

            Chain(packets, i, chain);
            if (chain.Count < MinimumCopies || AnsweredLate(packets, chain))
            {
                continue;
            }

            foreach (int index in chain)
            {
                used[index] = true;
            }

            into.Add(Row(conversation, context, chain));
        }
    }

    /// <summary>Fills <paramref name="chain"/> with the indices of the copies of packets[start]: same sender, same length, back-off gaps.</summary>
    private static void Chain(ChunkedList<SealedPacket> packets, int start, List<int> chain)
    {
        chain.Clear();
        chain.Add(start);
        SealedPacket first = packets[start];
        double previousGap = 0;
        for (int j = start + 1; j < packets.Count && j - start <= ScanLimit; j++)
        {
            SealedPacket candidate = packets[j];
            if (candidate.FromFirst != first.FromFirst)
            {
                break;  // the other side spoke: whatever follows is not "nothing came back"
            }

            if (candidate.Length != first.Length)
            {
                continue;
            }

            double gap = candidate.Time.SecondsSince(packets[chain[^1]].Time);
            if (gap > LongestGap)
            {
                break;
            }

            if (!Fits(previousGap, gap))
            {
                break;  // a same-sized packet off the back-off schedule: a steady stream, not copies
            }

            chain.Add(j);
            previousGap = gap;
        }
    }

    private static bool Fits(double previousGap, double gap)
    {
        if (previousGap == 0)
        {
            return gap >= FirstGapMinimum && gap <= FirstGapMaximum;
        }

        double growth = gap / previousGap;
        return (growth >= GrowthMinimum && growth <= GrowthMaximum) || (previousGap >= CappedGap && growth >= 0.8 && growth <= 1.25);
    }

    /// <summary>
    /// The other side answered soon after the last copy (within twice the last gap): a slow answer,
    /// not an unanswered message.
    /// </summary>
    private static bool AnsweredLate(ChunkedList<SealedPacket> packets, List<int> chain)
    {
        SealedPacket last = packets[chain[^1]];
        double window = 2 * last.Time.SecondsSince(packets[chain[^2]].Time);
        for (int k = chain[^1] + 1; k < packets.Count; k++)
        {
            double after = packets[k].Time.SecondsSince(last.Time);
            if (after > window)
            {
                return false;
            }

            if (packets[k].FromFirst != last.FromFirst)
            {
                return true;
            }
        }

        return false;
    }

    private static InferenceFacts Row(SealedConversation conversation, CaptureContext context, List<int> chain)
    {
        ChunkedList<SealedPacket> packets = conversation.Packets;
        SealedPacket first = packets[chain[0]];
        bool atStart = IsFirstOfSpi(packets, chain[0]);
        var gaps = new StringBuilder();
        for (int k = 1; k < chain.Count; k++)
        {
            gaps.Append(k == 1 ? "" : ", ").Append(packets[chain[k]].Time.SecondsSince(packets[chain[k - 1]].Time).ToString("0.0", CultureInfo.InvariantCulture)).Append(" s");
        }

        string sender = conversation.FromClient(first) ? "client" : "server";
        string basis = string.Create(CultureInfo.InvariantCulture,
            $"{chain.Count} ESP packets of {first.Length} bytes from the {sender} {conversation.SourceOf(first)} on SPI 0x{first.Spi:x8}, {gaps} apart, nothing from {conversation.DestinationOf(first)} in between");
        string meaning = conversation.CarriesL2tp
            ? (atStart
                ? "an L2TP control message (the first one on the SA: SCCRQ, the tunnel request) retransmitted at L2TP's back-off intervals and never acknowledged: the L2TP tunnel setup went unanswered"
                : "an L2TP control message retransmitted at L2TP's back-off intervals and never acknowledged: the peer's L2TP stopped answering")
            : "one message retransmitted with exponential back-off and never answered (a reliable protocol inside the tunnel, such as L2TP control or a TCP connection attempt)";
        var frames = new List<FrameRef>(chain.Count);
        foreach (int index in chain)
        {
            frames.Add(packets[index].Frame);
        }

        return new InferenceFacts
        {
            InputIndex = context.InputIndex,
            Input = context.Input,
            Vantage = context.Vantage,
            Kind = InferenceKinds.RetransmittedUnanswered,
            Client = conversation.Client.ToString(),
            Server = conversation.Server.ToString(),
            IkeVersion = conversation.IkeVersion,
            CarriesL2tp = conversation.CarriesL2tp,
            Basis = basis,
            Meaning = meaning,
            Repeats = chain.Count,
            AtStartOfSa = atStart,
            Answered = false,
            EndedBy = sender,
            DisplayFilter = string.Create(CultureInfo.InvariantCulture, $"esp.spi == 0x{first.Spi:x8}"),
            Frames = frames,
        };
    }

    private static bool IsFirstOfSpi(ChunkedList<SealedPacket> packets, int index)
    {
        for (int k = 0; k < index; k++)
        {
            if (packets[k].Spi == packets[index].Spi)
            {
                return false;
            }
        }

        return true;
    }
}
