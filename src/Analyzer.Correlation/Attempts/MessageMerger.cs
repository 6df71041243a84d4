using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// One list of IKE messages per attempt across its views: the message's bytes (their hash) identify
/// it, so a message seen at both ends is one message seen twice and a retransmission one message
/// sent several times. A message seen only at the end that sent it, while the other end's capture
/// was running, was lost in between.
/// </summary>
internal static class MessageMerger
{
    public static void Merge(ConnectionAttempt attempt, IReadOnlyDictionary<int, (Timestamp? First, Timestamp? Last)> windows)
    {
        AttemptView? client = attempt.ViewAt(VantageRoles.Client);
        AttemptView? server = attempt.ViewAt(VantageRoles.Server);
        // Most attempts hold a few dozen messages at most: a scan of the merged list finds a copy
        // without a dictionary per attempt; only long negotiations (rekeying for hours) get one.
        int count = MessageCount(attempt);
        Dictionary<ulong, AttemptMessage>? byHash = count > ScanLimit ? new Dictionary<ulong, AttemptMessage>(count) : null;
        // The client's view first, then the others, the server's last (each in view order): the
        // message described (and its time) is the client-side sighting.
        for (int rank = 0; rank <= 2; rank++)
        {
            foreach (AttemptView view in attempt.Views)
            {
                if (view.Sa is not IkeSa sa || Rank(view) != rank)
                {
                    continue;
                }

                foreach (IkeMessage message in sa.Messages)
                {
                    AttemptMessage? merged = byHash is null ? Find(attempt.Messages, message.ContentHash) : byHash.GetValueOrDefault(message.ContentHash);
                    if (merged is null)
                    {
                        merged = new AttemptMessage { First = message };
                        byHash?.Add(message.ContentHash, merged);
                        attempt.Messages.Add(merged);
                    }

                    merged.Frames.Add(message.Frame);
                }
            }
        }

        foreach (AttemptMessage message in attempt.Messages)
        {
            // A view's frames carry its capture's input index, so the copies per capture are the frames per input.
            message.Sends = MostCopiesInOneInput(message.Frames);
            if (client is null || server is null)
            {
                continue;
            }

            bool atClient = SeenIn(message.Frames, client.InputIndex);
            bool atServer = SeenIn(message.Frames, server.InputIndex);
            bool fromClient = message.First.FromInitiator;
            message.Sighting = (atClient, atServer) switch
            {
                (true, true) => MessageSighting.Both,
                (true, false) => fromClient && Running(windows, server.InputIndex, message.Time) ? MessageSighting.LostInBetween : MessageSighting.ClientCapture,
                (false, true) => !fromClient && Running(windows, client.InputIndex, message.Time) ? MessageSighting.LostInBetween : MessageSighting.ServerCapture,
                _ => MessageSighting.OneCapture,
            };
        }

        attempt.Messages.Sort((a, b) => a.Time.CompareTo(b.Time));
    }

    private const int ScanLimit = 32;

    private static AttemptMessage? Find(List<AttemptMessage> merged, ulong contentHash)
    {
        foreach (AttemptMessage message in merged)
        {
            if (message.First.ContentHash == contentHash)
            {
                return message;
            }
        }

        return null;
    }

    private static int Rank(AttemptView view) => view.Role == VantageRoles.Client ? 0 : view.Role == VantageRoles.Server ? 2 : 1;

    private static int MessageCount(ConnectionAttempt attempt)
    {
        int count = 0;
        foreach (AttemptView view in attempt.Views)
        {
            count += view.Sa?.Messages.Count ?? 0;
        }

        return count;
    }

    private static int MostCopiesInOneInput(List<FrameRef> frames)
    {
        // One capture (the usual case): every frame is a copy there, no counting per input.
        int first = frames[0].InputIndex;
        int same = 0;
        foreach (FrameRef frame in frames)
        {
            same += frame.InputIndex == first ? 1 : 0;
        }

        if (same == frames.Count)
        {
            return same;
        }

        var copies = new Dictionary<int, int>();
        foreach (FrameRef frame in frames)
        {
            copies[frame.InputIndex] = copies.GetValueOrDefault(frame.InputIndex) + 1;
        }

        return copies.Values.Max();
    }

    private static bool SeenIn(List<FrameRef> frames, int input)
    {
        foreach (FrameRef frame in frames)
        {
            if (frame.InputIndex == input)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The other capture was running when the message was sent (clock offsets between captures are small against this window).</summary>
    private static bool Running(IReadOnlyDictionary<int, (Timestamp? First, Timestamp? Last)> windows, int input, Timestamp time) =>
        windows.TryGetValue(input, out var window) && window.First is Timestamp first && window.Last is Timestamp last && time >= first && time <= last;
}
