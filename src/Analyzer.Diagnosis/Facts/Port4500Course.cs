using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>What happened on UDP 4500 (RFC 3947 §4): how often the initiator sent there, and whether the responder answered after the move.</summary>
internal readonly record struct Port4500Course(int InitiatorSent, bool ResponderAnswered, bool AnsweredAfterFloat, bool FloatAttempted, IReadOnlyList<FrameRef> Frames)
{
    public static Port4500Course Of(IkeSa sa)
    {
        int initiatorSent = sa.Messages.Count(m => m.FromInitiator && (m.NatTraversal || m.To.Port == VpnPorts.NatTraversal));
        bool responderAnswered = sa.Messages.Exists(m => !m.FromInitiator && (m.NatTraversal || m.From.Port == VpnPorts.NatTraversal));
        IkeMessage? firstFloat = sa.Messages.Find(m => m.FromInitiator && (m.NatTraversal || m.To.Port == VpnPorts.NatTraversal));
        bool answeredAfterFloat = firstFloat is not null && sa.Messages.Exists(m => !m.FromInitiator && m.Frame.Frame > firstFloat.Frame.Frame);
        // Counted first, then one array of the exact size (no doubling, no iterators); an SA that
        // never touched 4500 shares the empty one.
        int count = 0;
        foreach (IkeMessage message in sa.Messages)
        {
            count += On4500(message) ? 1 : 0;
        }

        var frames = count == 0 ? [] : new FrameRef[count];
        int at = 0;
        foreach (IkeMessage message in sa.Messages)
        {
            if (On4500(message))
            {
                frames[at++] = message.Frame;
            }
        }

        return new Port4500Course(initiatorSent, responderAnswered, answeredAfterFloat, firstFloat is not null, frames);
    }

    private static bool On4500(IkeMessage message) =>
        message.NatTraversal || message.To.Port == VpnPorts.NatTraversal || message.From.Port == VpnPorts.NatTraversal;

    /// <summary>The SA floated to 4500, or NAT-T was expected to make it float, and nothing answered after the first float.</summary>
    public bool SilentAfter(bool natTExpected, bool floatedToPort4500) =>
        (natTExpected || floatedToPort4500) && (!FloatAttempted || !AnsweredAfterFloat);
}
