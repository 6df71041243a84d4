using System.Globalization;
using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts.Inference;

/// <summary>
/// Dead peer detection (RFC 3706 for IKEv1, empty INFORMATIONAL for IKEv2) is an encrypted
/// Informational from one side answered within a round trip by the other, each round the same
/// size, repeated at the configured delay. Encrypted, it is told from a Delete (one-off) by its
/// period.
/// </summary>
internal static class DeadPeerDetectionInference
{
    private const double AnswerWithin = 2.0;
    private const int MinimumRounds = 3;
    private const double PeriodTolerance = 0.25;
    private const double ShortestPeriod = 2.0;

    public static void Find(CaptureContext context, List<InferenceFacts> into)
    {
        foreach (IkeSa sa in context.Capture.IkeSas)
        {
            var rounds = new List<IkeMessage>();
            List<IkeMessage> messages = sa.Messages;
            for (int i = 0; i + 1 < messages.Count; i++)
            {
                IkeMessage request = messages[i];
                IkeMessage answer = messages[i + 1];
                if (request.Encrypted && !request.Decrypted && IkeMoments.IsInformational(request) && IkeMoments.IsInformational(answer)
                    && answer.From.Address != request.From.Address && answer.Frame.Time.SecondsSince(request.Frame.Time) <= AnswerWithin
                    && (rounds.Count == 0 || (rounds[0].Length == request.Length && rounds[0].From.Address == request.From.Address)))
                {
                    rounds.Add(request);
                    i++;
                }
            }

            if (rounds.Count >= MinimumRounds && Period(rounds) is double period)
            {
                into.Add(Row(context, sa, rounds, period));
            }
        }
    }

    private static double? Period(List<IkeMessage> rounds)
    {
        double mean = rounds[^1].Frame.Time.SecondsSince(rounds[0].Frame.Time) / (rounds.Count - 1);
        if (mean < ShortestPeriod)
        {
            return null;
        }

        for (int k = 1; k < rounds.Count; k++)
        {
            double gap = rounds[k].Frame.Time.SecondsSince(rounds[k - 1].Frame.Time);
            if (Math.Abs(gap - mean) > PeriodTolerance * mean)
            {
                return null;
            }
        }

        return mean;
    }

    private static InferenceFacts Row(CaptureContext context, IkeSa sa, List<IkeMessage> rounds, double period)
    {
        var frames = new List<FrameRef>(rounds.Count);
        foreach (IkeMessage message in rounds)
        {
            frames.Add(message.Frame);
        }

        return new InferenceFacts
        {
            InputIndex = context.InputIndex,
            Input = context.Input,
            Vantage = context.Vantage,
            Kind = InferenceKinds.DeadPeerDetection,
            Client = sa.Initiator.ToString(),
            Server = sa.Responder.ToString(),
            IkeVersion = sa.Version,
            CarriesL2tp = sa.Version == 1,
            Basis = string.Create(CultureInfo.InvariantCulture,
                $"{rounds.Count} encrypted Informationals of {rounds[0].Length} bytes from {rounds[0].From}, each answered within {AnswerWithin:0} s, every {period:0.0} s"),
            Meaning = string.Create(CultureInfo.InvariantCulture, $"dead peer detection every {period:0} s (R-U-THERE / empty INFORMATIONAL and its acknowledgement), answered each time"),
            Repeats = rounds.Count,
            PeriodSeconds = period,
            Answered = true,
            DisplayFilter = IkeDisplayFilter.ForInitiatorCookie(sa.InitiatorCookie),
            Frames = frames,
        };
    }
}
