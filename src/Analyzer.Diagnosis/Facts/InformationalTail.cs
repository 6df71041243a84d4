using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// The Informational messages one side sent at the end of an SA with nothing from the other side after
/// them (a DPD or delete nobody answered), and the largest message the other side did answer.
/// </summary>
internal static class InformationalTail
{
    public static (int Count, string From, List<FrameRef> Frames) Of(IkeSa sa)
    {
        List<FrameRef> frames = [];
        bool? side = null;
        for (int i = sa.Messages.Count - 1; i >= 0; i--)
        {
            IkeMessage message = sa.Messages[i];
            if (message.Exchange is not (IkeExchangeKind.Informational or IkeExchangeKind.InformationalV2))
            {
                break;
            }

            side ??= message.FromInitiator;
            if (message.FromInitiator != side)
            {
                break;
            }

            frames.Insert(0, message.Frame);
        }

        string from = side is null ? "" : side.Value ? "initiator" : "responder";
        return (frames.Count, from, frames);
    }

    /// <summary>The length of the largest message the other side answered (anything from it later counts as an answer).</summary>
    public static int LargestAnswered(IkeSa sa)
    {
        int largest = 0;
        for (int i = 0; i < sa.Messages.Count; i++)
        {
            IkeMessage message = sa.Messages[i];
            bool answered = false;
            for (int j = i + 1; j < sa.Messages.Count && !answered; j++)
            {
                answered = sa.Messages[j].FromInitiator != message.FromInitiator;
            }

            if (answered)
            {
                largest = Math.Max(largest, message.Length);
            }
        }

        return largest;
    }
}
