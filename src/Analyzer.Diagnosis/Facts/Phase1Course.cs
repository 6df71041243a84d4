using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// How far an SA's Phase 1 (Main or Aggressive Mode; IKE_SA_INIT then IKE_AUTH) got: its messages,
/// the highest reached, where it stalled, and what refused it. Read from the model's exchange states;
/// worked out here only where the model leaves it open (a stall with no exchange state).
/// </summary>
internal sealed class Phase1Course
{
    private Phase1Course(IkeExchange? exchange, IkeExchange? auth, List<IkeMessage> messages, bool established)
    {
        Exchange = exchange;
        Auth = auth;
        Messages = messages;
        Established = established;
    }

    public IkeExchange? Exchange { get; }

    /// <summary>IKEv2's IKE_AUTH, which finishes what IKE_SA_INIT started.</summary>
    public IkeExchange? Auth { get; }

    public List<IkeMessage> Messages { get; }

    public bool Established { get; }

    /// <summary>
    /// The initiator's first message and its retransmissions (the same bytes) before the responder's
    /// first answer. Only copies count: a capture that holds one direction shows the initiator's
    /// message 3 and 5 with no answer between, and those prove answers the capture missed, not a
    /// message 1 sent again.
    /// </summary>
    public List<FrameRef> FirstFrames { get; private init; } = [];

    public int Highest { get; private init; }

    public Phase1Stall Stall { get; private init; }

    public IkeNotifyObservation? Rejecting { get; private init; }

    public bool AnsweredByInformational { get; private init; }

    public string Outcome =>
        (Auth is not null && Exchange?.State == ExchangeState.Completed ? Auth.State : Exchange?.State ?? ExchangeState.InProgress).ToString();

    public static Phase1Course Of(IkeSa sa)
    {
        IkeExchange? phase1 = FindPhase1(sa);
        IkeExchange? auth = sa.Version == 2 ? sa.Exchanges.Find(e => e.Kind == IkeExchangeKind.IkeAuth) : null;
        List<IkeMessage> messages = Phase1Messages(sa, phase1, auth);
        bool established = sa.State is IkeSaState.Established or IkeSaState.Deleted;
        List<FrameRef> firstFrames = [];
        foreach (IkeMessage message in messages)
        {
            if (!message.FromInitiator)
            {
                break;
            }

            if (firstFrames.Count > 0 && message.ContentHash != messages[0].ContentHash)
            {
                break;
            }

            firstFrames.Add(message.Frame);
        }

        return new Phase1Course(phase1, auth, messages, established)
        {
            FirstFrames = firstFrames,
            Stall = FindStall(sa, phase1, auth, messages, established),
            Highest = HighestPhase1Message(sa, phase1, auth),
            Rejecting = phase1?.RejectingNotify ?? auth?.RejectingNotify ?? (established ? null : FirstErrorNotify(sa)),
            AnsweredByInformational = phase1?.State == ExchangeState.AnsweredByEncryptedInformational
                || auth?.State == ExchangeState.AnsweredByEncryptedInformational
                || (!established && EncryptedInformationalFromResponder(sa, messages)),
        };
    }

    /// <summary>The rejecting notify and the encrypted Informationals that answered instead of the next message.</summary>
    public List<FrameRef> RejectFrames(IkeSa sa)
    {
        List<FrameRef> frames = [];
        if (Rejecting is not null)
        {
            frames.Add(Rejecting.Frame);
        }

        if (AnsweredByInformational && Messages.Count > 0)
        {
            long after = Messages[^1].Frame.Frame;
            frames.AddRange(sa.Messages.Where(m => !m.FromInitiator && m.Encrypted && m.Frame.Frame > after
                && m.Exchange is IkeExchangeKind.Informational or IkeExchangeKind.InformationalV2).Select(m => m.Frame));
        }

        return frames;
    }

    private static IkeExchange? FindPhase1(IkeSa sa) =>
        sa.Exchanges.Find(e => e.Kind == sa.Phase1)
        ?? sa.Exchanges.Find(e => e.Kind is IkeExchangeKind.MainMode or IkeExchangeKind.AggressiveMode or IkeExchangeKind.IkeSaInit);

    private static List<IkeMessage> Phase1Messages(IkeSa sa, IkeExchange? phase1, IkeExchange? auth)
    {
        if (phase1 is null)
        {
            return sa.Messages.Where(m => m.Exchange is IkeExchangeKind.MainMode or IkeExchangeKind.AggressiveMode or IkeExchangeKind.IkeSaInit).ToList();
        }

        var messages = new List<IkeMessage>(phase1.Messages);
        if (auth is not null)
        {
            messages.AddRange(auth.Messages);
        }

        return messages;
    }

    private static int HighestPhase1Message(IkeSa sa, IkeExchange? phase1, IkeExchange? auth)
    {
        int highest = phase1?.HighestMessage ?? 0;
        if (highest == 0 && phase1 is not null)
        {
            highest = phase1.Messages.Count == 0 ? 0 : phase1.Messages.Max(m => m.Number);
        }

        if (sa.Version == 2 && auth is { Messages.Count: > 0 })
        {
            highest = 2 + Math.Max(1, auth.HighestMessage);
        }

        return highest;
    }

    // The model's StalledAfterMessage where set; otherwise the last Phase 1 message when the SA never
    // completed and nothing came back after it.
    private static Phase1Stall FindStall(IkeSa sa, IkeExchange? phase1, IkeExchange? auth, List<IkeMessage> messages, bool established)
    {
        if (established || messages.Count == 0)
        {
            return Phase1Stall.None;
        }

        int? number = auth?.StalledAfterMessage is int a ? a + 2 : phase1?.StalledAfterMessage;
        IkeMessage last = messages[^1];
        bool lastFromInitiator = last.FromInitiator;
        if (number is null)
        {
            bool answeredLater = sa.Messages.Exists(m => m.Frame.Frame > last.Frame.Frame && m.FromInitiator != lastFromInitiator);
            if (answeredLater)
            {
                return Phase1Stall.None;
            }

            number = last.Number;
        }

        // The copies of the stalled message come from the side that sent it: the last message may be the
        // other side's repeat of its previous one (Libreswan's pluto repeats Main Mode 4 when it cannot read 5).
        bool stalledFromInitiator = messages.Find(m => m.Number == number)?.FromInitiator ?? lastFromInitiator;
        List<IkeMessage> copies = messages.Where(m => m.Number == number && m.FromInitiator == stalledFromInitiator).ToList();
        if (copies.Count == 0)
        {
            copies = [last];
        }

        return new Phase1Stall(number.Value, copies.Count, copies.Max(m => m.IpFragments), copies.Select(m => m.Frame).ToList());
    }

    private static IkeNotifyObservation? FirstErrorNotify(IkeSa sa) =>
        sa.Notifies.Find(n => n.IsError && !n.FromInitiator) ?? sa.Notifies.Find(n => n.IsError);

    private static bool EncryptedInformationalFromResponder(IkeSa sa, List<IkeMessage> phase1Messages)
    {
        if (phase1Messages.Count == 0)
        {
            return false;
        }

        long after = phase1Messages[^1].Frame.Frame;
        return sa.Messages.Exists(m => !m.FromInitiator && m.Encrypted && m.Frame.Frame > after
            && m.Exchange is IkeExchangeKind.Informational or IkeExchangeKind.InformationalV2);
    }
}
