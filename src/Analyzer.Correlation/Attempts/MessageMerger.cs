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
        var byHash = new Dictionary<ulong, (AttemptMessage Message, Dictionary<int, int> CopiesPerInput)>();
        // The client's view first: the message described (and its time) is the client-side sighting.
        foreach (AttemptView view in attempt.Views.OrderBy(v => v.Role == VantageRoles.Client ? 0 : v.Role == VantageRoles.Server ? 2 : 1))
        {
            if (view.Sa is not IkeSa sa)
            {
                continue;
            }

            foreach (IkeMessage message in sa.Messages)
            {
                if (!byHash.TryGetValue(message.ContentHash, out var entry))
                {
                    entry = (new AttemptMessage { First = message }, []);
                    byHash.Add(message.ContentHash, entry);
                    attempt.Messages.Add(entry.Message);
                }

                entry.Message.Frames.Add(message.Frame);
                entry.CopiesPerInput[view.InputIndex] = entry.CopiesPerInput.GetValueOrDefault(view.InputIndex) + 1;
            }
        }

        foreach (var (message, copies) in byHash.Values)
        {
            message.Sends = copies.Values.Max();
            if (client is null || server is null)
            {
                continue;
            }

            bool atClient = copies.ContainsKey(client.InputIndex);
            bool atServer = copies.ContainsKey(server.InputIndex);
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

    /// <summary>The other capture was running when the message was sent (clock offsets between captures are small against this window).</summary>
    private static bool Running(IReadOnlyDictionary<int, (Timestamp? First, Timestamp? Last)> windows, int input, Timestamp time) =>
        windows.TryGetValue(input, out var window) && window.First is Timestamp first && window.Last is Timestamp last && time >= first && time <= last;
}
