using Analyzer.Sessions.Ike;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// The IKE stages of an attempt (reachability, Phase 1 proposal and authentication, Phase 2) from
/// the merged messages and the exchange states the session stage decided in each view: a stage
/// passed when any view shows it passed (a later message can only exist if the earlier ones arrived).
/// </summary>
internal static class IkeStageJudge
{
    /// <summary>What decides an encrypted IKEv2 exchange (the verdict names where to get them).</summary>
    public const string IkeV2Keys = "the IKEv2 keys";

    public static void Judge(ConnectionAttempt attempt)
    {
        if (attempt.Messages.Count == 0)
        {
            if (attempt.L2tpTunnels.Count > 0)
            {
                // L2TP with no IKE at all: nothing to say about IPsec stages, the tunnel stages follow.
                foreach (AttemptStage stage in (ReadOnlySpan<AttemptStage>)[AttemptStage.IkeReachability, AttemptStage.Phase1Proposal, AttemptStage.Phase1Auth, AttemptStage.Phase2, AttemptStage.Esp])
                {
                    Set(attempt, stage, StageOutcome.Unknown, new AttemptEvidence(EvidenceKind.Observed, "no IKE for this L2TP tunnel in any input"));
                }
            }

            return;
        }

        if (!Reachability(attempt) || !Proposal(attempt) || !Authentication(attempt))
        {
            return;
        }

        Phase2(attempt);
    }

    private static bool Reachability(ConnectionAttempt attempt)
    {
        AttemptMessage? answer = attempt.Messages.FirstOrDefault(m => !m.First.FromInitiator);
        if (answer is not null)
        {
            Set(attempt, AttemptStage.IkeReachability, StageOutcome.Passed, Seen(answer, "first answer from the responder"));
            return true;
        }

        AttemptMessage first = attempt.Messages[0];
        if (SentOnlyAfterAnAnswer(first.First) is string sentAfter)
        {
            // A capture that began mid-negotiation: the initiator cannot send this message before the
            // responder has answered its first one (RFC 7296 §1.2, RFC 2409 §5), so the peer was reached.
            Set(attempt, AttemptStage.IkeReachability, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Inferred,
                $"the inputs begin with the initiator's {sentAfter}, which it sends only after the responder answered its first message", first.First.Frame));
            return true;
        }

        Set(attempt, AttemptStage.IkeReachability, StageOutcome.Failed,
            Seen(first, first.Sends > 1 ? $"first message sent {first.Sends} times, never answered" : "first message never answered"));
        return false;
    }

    /// <summary>
    /// The name of an initiator's message that presupposes an answer to its first one (IKEv2: any
    /// exchange after IKE_SA_INIT; IKEv1: Main or Aggressive Mode message 3 on, Quick Mode), or null.
    /// </summary>
    private static string? SentOnlyAfterAnAnswer(IkeMessage message)
    {
        if (!message.FromInitiator)
        {
            return null;
        }

        return message.Exchange switch
        {
            IkeExchangeKind.IkeAuth when message.MessageId > 0 => $"IKE_AUTH request (message ID {message.MessageId})",
            IkeExchangeKind.CreateChildSa when message.MessageId > 0 => $"CREATE_CHILD_SA request (message ID {message.MessageId})",
            IkeExchangeKind.InformationalV2 when message.MessageId > 0 => $"INFORMATIONAL request (message ID {message.MessageId})",
            IkeExchangeKind.IkeIntermediate when message.MessageId > 0 => $"IKE_INTERMEDIATE request (message ID {message.MessageId})",
            IkeExchangeKind.MainMode when message.Number >= 3 => $"Main Mode message {message.Number}",
            IkeExchangeKind.AggressiveMode when message.Number >= 3 => $"Aggressive Mode message {message.Number}",
            IkeExchangeKind.QuickMode => "Quick Mode message",
            _ => null,
        };
    }

    private static bool Proposal(ConnectionAttempt attempt)
    {
        StageVerdict verdict = attempt[AttemptStage.Phase1Proposal];
        IkeExchangeKind first = attempt.IkeVersion == 2 ? IkeExchangeKind.IkeSaInit : attempt.Phase1;
        IkeExchange? rejected = Exchanges(attempt, first).FirstOrDefault(e => e.State == ExchangeState.RejectedByNotify && e.HighestMessage <= 2);
        if (rejected?.RejectingNotify is IkeNotifyObservation notify)
        {
            Set(attempt, AttemptStage.Phase1Proposal, StageOutcome.Failed,
                new AttemptEvidence(EvidenceKind.Observed, $"{NotifyTypes.Name(notify.Type, notify.V2)} from the {(notify.FromInitiator ? "initiator" : "responder")}", notify.Frame));
            verdict.Refused = true;
            return false;
        }

        AttemptMessage? answer = attempt.Messages.FirstOrDefault(m => !m.First.FromInitiator && m.First.Exchange == first && (first == IkeExchangeKind.IkeSaInit || m.First.Number == 2));
        if (answer is not null && !answer.First.Notifies.Any(n => n.IsError))
        {
            Set(attempt, AttemptStage.Phase1Proposal, StageOutcome.Passed, Seen(answer, "responder chose a proposal"));
            return true;
        }

        if (SentOnlyAfterAnAnswer(attempt.Messages[0].First) is string sentAfter)
        {
            // The responder's choice is not in the inputs, but the initiator went on to authenticate, which it does only with one.
            Set(attempt, AttemptStage.Phase1Proposal, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Inferred,
                $"the initiator's {sentAfter} follows an agreed proposal the inputs do not show", attempt.Messages[0].First.Frame));
            return true;
        }

        verdict.Outcome = StageOutcome.Unknown;
        return false;
    }

    private static bool Authentication(ConnectionAttempt attempt)
    {
        IkeSa? established = attempt.Sas.FirstOrDefault(sa => sa.State is IkeSaState.Established or IkeSaState.Deleted);
        IkeExchangeKind kind = attempt.IkeVersion == 2 ? IkeExchangeKind.IkeAuth : attempt.Phase1;
        if (established is not null && attempt.IkeVersion == 2 && !Visible(attempt))
        {
            // IKE_AUTH was answered, but its answer is encrypted: an AUTHENTICATION_FAILED looks the same.
            attempt[AttemptStage.Phase1Auth].Outcome = StageOutcome.Unknown;
            attempt[AttemptStage.Phase1Auth].Evidence.Add(new AttemptEvidence(EvidenceKind.Observed,
                "IKE_AUTH answered, encrypted and not decrypted, and no ESP or later exchange followed: whether it authenticated is not visible without the IKEv2 keys"));
            attempt[AttemptStage.Phase1Auth].UndecidedWithout = IkeV2Keys;
            return false;
        }

        if (established is not null)
        {
            AttemptMessage? last = attempt.Messages.LastOrDefault(m => m.First.Exchange == kind);
            Set(attempt, AttemptStage.Phase1Auth, StageOutcome.Passed, last is null
                ? new AttemptEvidence(EvidenceKind.Observed, "IKE SA established", established.LastFrame)
                : Seen(last, "last authentication message"));
            return true;
        }

        IkeExchange? failed = Exchanges(attempt, kind).FirstOrDefault(e => e.State is ExchangeState.RejectedByNotify or ExchangeState.AnsweredByEncryptedInformational)
            ?? Exchanges(attempt, kind).FirstOrDefault(e => e.State == ExchangeState.NoResponse);
        if (failed is null && !attempt.Sas.Any(sa => sa.State == IkeSaState.Failed))
        {
            attempt[AttemptStage.Phase1Auth].Outcome = StageOutcome.Unknown;
            attempt[AttemptStage.Phase1Auth].Evidence.Add(new AttemptEvidence(EvidenceKind.Observed, "the captures end before authentication finished"));
            return false;
        }

        var evidence = failed switch
        {
            { State: ExchangeState.RejectedByNotify, RejectingNotify: IkeNotifyObservation n } =>
                new AttemptEvidence(EvidenceKind.Observed, $"{NotifyTypes.Name(n.Type, n.V2)} from the {(n.FromInitiator ? "initiator" : "responder")}", n.Frame),
            { State: ExchangeState.AnsweredByEncryptedInformational } =>
                new AttemptEvidence(EvidenceKind.Inferred, $"message {failed.StalledAfterMessage} answered with an encrypted Informational (an error notify)", failed.Messages[^1].Frame),
            { State: ExchangeState.NoResponse } =>
                new AttemptEvidence(EvidenceKind.Observed, $"message {failed.StalledAfterMessage} never answered", failed.Messages[^1].Frame),
            _ => new AttemptEvidence(EvidenceKind.Observed, "Phase 1 failed after the key exchange"),
        };
        Set(attempt, AttemptStage.Phase1Auth, StageOutcome.Failed, evidence);
        attempt[AttemptStage.Phase1Auth].Refused = failed?.State is ExchangeState.RejectedByNotify or ExchangeState.AnsweredByEncryptedInformational;
        if (attempt.Reconciliation.ResponderRepeatedAfterAuthentication)
        {
            attempt[AttemptStage.Phase1Auth].Evidence.Add(new AttemptEvidence(EvidenceKind.Inferred, "the responder repeated message 4 after message 5 reached it: it could not verify message 5"));
        }

        return false;
    }

    private static void Phase2(ConnectionAttempt attempt)
    {
        IkeExchangeKind kind = attempt.IkeVersion == 2 ? IkeExchangeKind.CreateChildSa : IkeExchangeKind.QuickMode;
        List<IkeExchange> exchanges = Exchanges(attempt, kind).ToList();
        IkeExchange? completed = exchanges.FirstOrDefault(e => e.State == ExchangeState.Completed);
        if (completed is not null)
        {
            Set(attempt, AttemptStage.Phase2, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Observed, "child SA negotiated", completed.Messages[^1].Frame));
            return;
        }

        if (attempt.IkeVersion == 2 && ChildRefusedInAuth(attempt) is IkeNotifyObservation refusal)
        {
            // RFC 7296 §2.21.2: IKE_AUTH authenticated both sides but refused the first CHILD SA (decrypted).
            Set(attempt, AttemptStage.Phase2, StageOutcome.Failed,
                new AttemptEvidence(EvidenceKind.Observed, $"{NotifyTypes.Name(refusal.Type, refusal.V2)} from the {(refusal.FromInitiator ? "initiator" : "responder")} in IKE_AUTH", refusal.Frame));
            attempt[AttemptStage.Phase2].Refused = true;
            return;
        }

        if (attempt.IkeVersion == 2 && attempt.Sas.Any(sa => sa.State is IkeSaState.Established or IkeSaState.Deleted))
        {
            // IKEv2 carries the first CHILD SA inside IKE_AUTH: an established IKE SA has it unless an encrypted notify refused it.
            Set(attempt, AttemptStage.Phase2, attempt.EspFlows.Count > 0 ? StageOutcome.Passed : StageOutcome.Unknown,
                new AttemptEvidence(EvidenceKind.Inferred, attempt.EspFlows.Count > 0 ? "first CHILD SA from IKE_AUTH, its ESP seen" : "first CHILD SA inside IKE_AUTH (encrypted); no ESP seen"));
            if (attempt.EspFlows.Count == 0 && !attempt.Sas.Any(sa => sa.Messages.Exists(m => m.Decrypted)))
            {
                // Whether IKE_AUTH's encrypted answer carried the CHILD SA or a refusing notify (RFC 7296 §2.21.2) only its keys show.
                attempt[AttemptStage.Phase2].UndecidedWithout = IkeV2Keys;
            }

            return;
        }

        IkeExchange? failed = exchanges.FirstOrDefault(e => e.State is ExchangeState.RejectedByNotify or ExchangeState.AnsweredByEncryptedInformational or ExchangeState.NoResponse);
        if (failed is not null)
        {
            Set(attempt, AttemptStage.Phase2, StageOutcome.Failed, failed.RejectingNotify is IkeNotifyObservation n
                ? new AttemptEvidence(EvidenceKind.Observed, $"{NotifyTypes.Name(n.Type, n.V2)} from the {(n.FromInitiator ? "initiator" : "responder")}", n.Frame)
                : new AttemptEvidence(failed.State == ExchangeState.NoResponse ? EvidenceKind.Observed : EvidenceKind.Inferred,
                    failed.State == ExchangeState.NoResponse ? $"Quick Mode message {failed.StalledAfterMessage} never answered" : "Quick Mode answered with an encrypted Informational",
                    failed.Messages[^1].Frame));
            attempt[AttemptStage.Phase2].Refused = failed.State is ExchangeState.RejectedByNotify or ExchangeState.AnsweredByEncryptedInformational;
            return;
        }

        if (attempt.EspFlows.Count > 0)
        {
            Set(attempt, AttemptStage.Phase2, StageOutcome.Passed, new AttemptEvidence(EvidenceKind.Inferred, "ESP on SAs of this IKE SA (the Quick Mode is not in the captures)", attempt.EspFlows[0].First));
            return;
        }

        attempt[AttemptStage.Phase2].Outcome = StageOutcome.Unknown;
        attempt[AttemptStage.Phase2].Evidence.Add(new AttemptEvidence(EvidenceKind.Observed, exchanges.Count == 0 ? "no Quick Mode / CHILD SA exchange in the captures" : "the captures end during Phase 2"));
    }

    /// <summary>IKEv2: IKE_AUTH was decrypted, or ESP or a later exchange shows the SA came up.</summary>
    private static bool Visible(ConnectionAttempt attempt) =>
        attempt.EspFlows.Count > 0
        || attempt.Sas.Any(sa => sa.Messages.Exists(m => m.Decrypted)
            || sa.Exchanges.Exists(e => e.Kind == IkeExchangeKind.CreateChildSa));

    /// <summary>IKEv2: the notify that refused the first CHILD SA inside IKE_AUTH, in any view.</summary>
    internal static IkeNotifyObservation? ChildRefusedInAuth(ConnectionAttempt attempt) =>
        Exchanges(attempt, IkeExchangeKind.IkeAuth).Select(e => e.ChildSa?.RefusedBy).FirstOrDefault(n => n is not null);

    /// <summary>Exchanges of one kind in every view.</summary>
    internal static IEnumerable<IkeExchange> Exchanges(ConnectionAttempt attempt, IkeExchangeKind kind) =>
        attempt.Sas.SelectMany(sa => sa.Exchanges).Where(e => e.Kind == kind);

    internal static AttemptEvidence Seen(AttemptMessage message, string text) =>
        new(EvidenceKind.Observed, text, message.First.Frame);

    internal static void Set(ConnectionAttempt attempt, AttemptStage stage, StageOutcome outcome, AttemptEvidence evidence)
    {
        StageVerdict verdict = attempt[stage];
        verdict.Outcome = outcome;
        verdict.Evidence.Add(evidence);
    }
}
