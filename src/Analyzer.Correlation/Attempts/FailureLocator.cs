using Analyzer.Sessions.Ike;

namespace Analyzer.Correlation.Attempts;

/// <summary>
/// Makes the stages consistent (a stage after a passed one that something shows passed, passed; after
/// a failed or unreached one, not reached; after an open one, open), then names the failing stage
/// and the side it failed on, from the reconciled views.
/// </summary>
internal static class FailureLocator
{
    public static void Locate(ConnectionAttempt attempt)
    {
        Normalise(attempt);
        StageVerdict? failed = attempt.Stages.FirstOrDefault(s => s.Outcome == StageOutcome.Failed);
        if (failed is null)
        {
            return;
        }

        attempt.FailedStage = failed.Stage;
        if (attempt.Views.All(v => v.Role == VantageRoles.Log))
        {
            // Only daemon logs show this attempt: whose log recorded the failure places it.
            (attempt.Side, attempt.SideBasis) = LogSide.Of(attempt, failed);
            return;
        }

        (attempt.Side, attempt.SideBasis) = failed.Stage switch
        {
            AttemptStage.IkeReachability => Unanswered(attempt, attempt.Messages[0]),
            AttemptStage.Phase1Proposal or AttemptStage.Phase1Auth or AttemptStage.Phase2 => Negotiation(attempt, failed.Stage),
            AttemptStage.Esp => Esp(attempt),
            AttemptStage.PppAuth or AttemptStage.PppIpcp => PppSideJudge.Side(attempt, failed.Stage),
            // PPP that the captures show decides first (an LCP never answered); a call cleared before any PPP falls to who cleared it.
            AttemptStage.PppLcp when PppSideJudge.Side(attempt, failed.Stage) is (AttemptSide side, SideBasis basis) && side != AttemptSide.Unknown => (side, basis),
            AttemptStage.L2tpTunnel or AttemptStage.L2tpSession or AttemptStage.PppLcp when attempt.Reconciliation.L2tpClearedByClient is bool byClient =>
                byClient ? (AttemptSide.Client, SideBasis.ClientCleared) : (AttemptSide.Server, SideBasis.ServerCleared),
            AttemptStage.L2tpTunnel => L2tpTunnelUnanswered(attempt),
            _ => (AttemptSide.Unknown, SideBasis.None),
        };
    }

    /// <summary>"a later stage (…) was reached" per stage, spelled once: most passed stages of a large capture carry one.</summary>
    private static readonly string[] LaterStageReached =
        Enum.GetValues<AttemptStage>().Select(stage => $"a later stage ({AttemptNames.Stage(stage)}) was reached").ToArray();

    private static void Normalise(ConnectionAttempt attempt)
    {
        int lastPassed = attempt.Stages.FindLastIndex(s => s.Outcome == StageOutcome.Passed);
        int firstFailed = attempt.Stages.FindIndex(s => s.Outcome == StageOutcome.Failed);
        bool rasOnly = WindowsRasFailure.OnlyRas(attempt);
        for (int i = 0; i < attempt.Stages.Count; i++)
        {
            StageVerdict stage = attempt.Stages[i];
            int later = firstFailed >= 0 && (lastPassed < 0 || firstFailed < lastPassed) ? firstFailed : lastPassed;
            bool withoutIke = attempt.IkeVersion is null && attempt.L2tpTunnels.Count > 0 && stage.Stage <= AttemptStage.Esp;
            // RAS events name the failing stage only: the stages before it stay open (SSTP has no IKE, IKEv2 no PPP).
            withoutIke |= rasOnly;
            if (i < later && !withoutIke && stage.Outcome is StageOutcome.Unknown or StageOutcome.NotReached)
            {
                // A later stage was reached: this one passed (a log line, or ESP, shows what the captures did not).
                stage.Outcome = StageOutcome.Passed;
                stage.Evidence.Add(new AttemptEvidence(EvidenceKind.Inferred, LaterStageReached[(int)attempt.Stages[later].Stage]));
            }
            else if (firstFailed >= 0 && i > firstFailed)
            {
                stage.Outcome = StageOutcome.NotReached;
                stage.Evidence.Clear();
            }
            else if (i > 0 && stage.Outcome == StageOutcome.NotReached && attempt.Stages[i - 1].Outcome is StageOutcome.Unknown or StageOutcome.Passed)
            {
                stage.Outcome = StageOutcome.Unknown;
            }

            if (rasOnly && i < firstFailed && stage.Outcome == StageOutcome.NotReached)
            {
                stage.Outcome = StageOutcome.Unknown;
            }

            if (stage.Outcome == StageOutcome.Unknown && stage.Evidence.Count == 0)
            {
                // Open, and nothing spoke of it: say what would decide rather than leave it bare.
                stage.Evidence.Add(new AttemptEvidence(EvidenceKind.Observed, Silent(attempt, stage.Stage)));
            }
        }
    }

    /// <summary>Why a stage stays unknown when no input of the attempt says anything about it.</summary>
    private static string Silent(ConnectionAttempt attempt, AttemptStage stage) =>
        attempt.Views.All(v => v.Role == VantageRoles.Log)
            ? stage <= AttemptStage.Phase2
                ? "the attempt's logs say nothing of this stage"
                : "the attempt's logs say nothing of this stage (the IKE daemon logs IKE only): a capture at either end (with ESP keys for what rides inside), the L2TP/PPP daemons' logs or the client's RasClient events decide"
            : "no input of this attempt shows this stage";

    private static (AttemptSide, SideBasis) Negotiation(ConnectionAttempt attempt, AttemptStage stage)
    {
        IkeExchangeKind kind = stage switch
        {
            AttemptStage.Phase2 => attempt.IkeVersion == 2 ? IkeExchangeKind.CreateChildSa : IkeExchangeKind.QuickMode,
            AttemptStage.Phase1Proposal when attempt.IkeVersion == 2 => IkeExchangeKind.IkeSaInit,
            AttemptStage.Phase1Auth when attempt.IkeVersion == 2 => IkeExchangeKind.IkeAuth,
            _ => attempt.Phase1,
        };
        if (attempt.IkeVersion == 2 && stage == AttemptStage.Phase2 && IkeStageJudge.ChildRefusedInAuth(attempt) is IkeNotifyObservation refusal)
        {
            return refusal.FromInitiator ? (AttemptSide.Client, SideBasis.ClientRejected) : (AttemptSide.Server, SideBasis.ServerRejected);
        }

        if (attempt.IkeVersion == 2 && stage == AttemptStage.Phase1Auth && attempt.Sas.Any(sa => sa.V2.Eap.Exists(e => !e.FromInitiator && e.IsFailure)))
        {
            // The server refused the user's EAP credentials; the client's AUTHENTICATION_FAILED only acknowledges it.
            return (AttemptSide.Server, SideBasis.ServerRejected);
        }

        List<IkeExchange> exchanges = IkeStageJudge.Exchanges(attempt, kind).ToList();
        if (exchanges.FirstOrDefault(e => e.RejectingNotify is not null)?.RejectingNotify is IkeNotifyObservation notify)
        {
            return notify.FromInitiator ? (AttemptSide.Client, SideBasis.ClientRejected) : (AttemptSide.Server, SideBasis.ServerRejected);
        }

        AttemptReconciliation r = attempt.Reconciliation;
        if (r.AuthenticationAnsweredByInformational && stage == AttemptStage.Phase1Auth || r.ResponderRepeatedAfterAuthentication
            || exchanges.Any(e => e.State == ExchangeState.AnsweredByEncryptedInformational))
        {
            return (AttemptSide.Server, SideBasis.ServerRejectedAuthentication);
        }

        if (attempt[stage].Evidence.Any(e => e.Record is not null) && exchanges.Count == 0)
        {
            return (AttemptSide.Server, SideBasis.ServerRejected);
        }

        AttemptMessage? last = attempt.Messages.LastOrDefault(m => m.First.Exchange == kind);
        if (last is null)
        {
            return (AttemptSide.Unknown, SideBasis.None);
        }

        if (!last.First.FromInitiator)
        {
            // The responder spoke last and the initiator stopped: its answer was lost, or the client gave up.
            return last.Sighting switch
            {
                MessageSighting.LostInBetween => (AttemptSide.Path, SideBasis.AnswerLostOnPath),
                MessageSighting.Both => (AttemptSide.Client, SideBasis.ClientStopped),
                // Only a capture that may sit at the server holds it: nothing shows the answer arrived.
                MessageSighting.OneCapture or MessageSighting.ServerCapture => (AttemptSide.Unknown, SideBasis.ResponderSpokeLast),
                _ => (AttemptSide.Unknown, SideBasis.None),
            };
        }

        return Unanswered(attempt, last);
    }

    /// <summary>The initiator's message went unanswered: where the views place the silence.</summary>
    private static (AttemptSide, SideBasis) Unanswered(ConnectionAttempt attempt, AttemptMessage message)
    {
        AttemptReconciliation r = attempt.Reconciliation;
        switch (message.Sighting)
        {
            case MessageSighting.Both:
            case MessageSighting.ServerCapture:
                r.UnansweredReachedServer = true;
                return (AttemptSide.Server, SideBasis.ServerReceivedNoAnswer);
            case MessageSighting.LostInBetween:
                r.UnansweredReachedServer = false;
                return (AttemptSide.Path, SideBasis.LostOnPath);
        }

        if (attempt.Views.Any(v => v.Sa is not null && v.Role == VantageRoles.Server))
        {
            r.UnansweredReachedServer = true;
            return (AttemptSide.Server, SideBasis.ServerReceivedNoAnswer);
        }

        return (AttemptSide.Unknown, SideBasis.ClientViewOnly);
    }

    /// <summary>L2TP tunnel set-up that no StopCCN ended: the LNS never answered the LAC's SCCRQ, and the server's capture shows it arrived.</summary>
    private static (AttemptSide, SideBasis) L2tpTunnelUnanswered(ConnectionAttempt attempt) =>
        attempt.L2tpTunnels.Exists(t => t.State == Sessions.L2tp.L2tpTunnelState.WaitReply) && attempt.Views.Exists(v => v.Role == VantageRoles.Server)
            ? (AttemptSide.Server, SideBasis.ServerReceivedNoAnswer)
            : (AttemptSide.Unknown, SideBasis.None);

    private static (AttemptSide, SideBasis) Esp(ConnectionAttempt attempt)
    {
        AttemptView? client = attempt.ViewAt(VantageRoles.Client);
        AttemptView? server = attempt.ViewAt(VantageRoles.Server);
        if (client is null || server is null)
        {
            return (AttemptSide.Unknown, SideBasis.ClientViewOnly);
        }

        bool clientSent = attempt.EspFlows.Any(f => f.First.InputIndex == client.InputIndex && f.Source.Address == client.Sa!.Initiator.Address && f.Packets > 0);
        bool serverGot = attempt.EspFlows.Any(f => f.First.InputIndex == server.InputIndex && f.Destination.Address == server.Sa!.Responder.Address && f.Packets > 0);
        bool serverSent = attempt.EspFlows.Any(f => f.First.InputIndex == server.InputIndex && f.Source.Address == server.Sa!.Responder.Address && f.Packets > 0);
        bool clientGot = attempt.EspFlows.Any(f => f.First.InputIndex == client.InputIndex && f.Destination.Address == client.Sa!.Initiator.Address && f.Packets > 0);
        return (clientSent, serverGot, serverSent, clientGot) switch
        {
            (true, false, _, _) => (AttemptSide.Path, SideBasis.LostOnPath),
            (_, _, true, false) => (AttemptSide.Path, SideBasis.AnswerLostOnPath),
            (true, true, false, _) => (AttemptSide.Server, SideBasis.ServerReceivedNoAnswer),
            _ => (AttemptSide.Unknown, SideBasis.None),
        };
    }
}
