using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Correlation.Attempts;
using Analyzer.EventLogs;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Attempt rows from the case's attempts; the SA-derived values come from the SA rows already built for the same SAs.</summary>
internal static class AttemptFactsBuilder
{
    public static IEnumerable<AttemptFacts> Build(Case @case, IReadOnlyDictionary<IkeSa, SaFacts> saRows)
    {
        foreach (ConnectionAttempt attempt in @case.Attempts.Attempts)
        {
            List<SaFacts> rows = Rows(attempt, saRows);
            SaFacts? sa = rows.Find(s => s.NatSide != "none") ?? (rows.Count > 0 ? rows[0] : null);
            StageVerdict? failed = attempt.FailedStage is AttemptStage stage ? attempt[stage] : null;
            AttemptReconciliation r = attempt.Reconciliation;
            AttemptView first = attempt.Views[0];
            (string Endpoint, string Address) client = Spelled(attempt.Client, attempt, saRows);
            (string Endpoint, string Address) server = Spelled(attempt.Server, attempt, saRows);
            AttemptMessage? answer = attempt.Messages.Count > 0 && !attempt.Messages[^1].First.FromInitiator ? attempt.Messages[^1] : null;
            yield return new AttemptFacts
            {
                InputIndex = first.InputIndex,
                Input = @case.InputOf(first.InputIndex).DisplayName,
                Vantage = first.Role,
                Attempt = attempt.Id,
                Id = attempt.Id,
                Client = client.Endpoint,
                Server = server.Endpoint,
                ClientAddress = client.Address,
                ServerAddress = server.Address,
                Ike = AttemptNames.Ike(attempt.IkeVersion, attempt.Phase1, attempt.IkeSeen),
                IkeVersion = attempt.IkeVersion ?? 0,
                IkeReachability = Outcome(attempt, AttemptStage.IkeReachability),
                Phase1Proposal = Outcome(attempt, AttemptStage.Phase1Proposal),
                Phase1Auth = Outcome(attempt, AttemptStage.Phase1Auth),
                Phase2 = Outcome(attempt, AttemptStage.Phase2),
                Esp = Outcome(attempt, AttemptStage.Esp),
                L2tpTunnel = Outcome(attempt, AttemptStage.L2tpTunnel),
                L2tpSession = Outcome(attempt, AttemptStage.L2tpSession),
                PppLcp = Outcome(attempt, AttemptStage.PppLcp),
                PppAuth = Outcome(attempt, AttemptStage.PppAuth),
                PppIpcp = Outcome(attempt, AttemptStage.PppIpcp),
                Traffic = Outcome(attempt, AttemptStage.Traffic),
                FailedStage = attempt.FailedStage is AttemptStage f ? AttemptNames.Stage(f) : "",
                Side = AttemptNames.Side(attempt.Side),
                SideReason = AttemptNames.Basis(attempt.SideBasis),
                Ambiguous = attempt.SideBasis == SideBasis.ClientViewOnly,
                Views = attempt.Views.Count,
                CaptureViews = attempt.Views.Count(v => v.Role != "log"),
                LogViews = attempt.Views.Count(v => v.Role == "log"),
                BothEnds = r.BothEnds,
                MessagesSeenTwice = r.MessagesSeenTwice,
                MessagesLostInBetween = r.MessagesLostInBetween,
                NatDiscoveryReportedNat = r.NatDiscoveryReportedNat,
                AddressesTranslated = r.AddressesTranslated == true,
                ForcedEncapsulation = r.ForcedEncapsulation == true,
                ResponderRepeatedAfterAuthentication = r.ResponderRepeatedAfterAuthentication,
                AuthenticationAnsweredByInformational = r.AuthenticationAnsweredByInformational,
                UnansweredReachedServer = r.UnansweredReachedServer switch { true => "yes", false => "no", _ => "unknown" },
                LogDecided = r.LogDecided,
                ResponderSpokeLast = attempt.SideBasis == SideBasis.ResponderSpokeLast,
                LastAnswer = answer is null ? "" : Answer(answer),
                LastAnswerPort = answer?.First.From.Port ?? 0,
                LastAnswerFrames = answer?.Frames ?? [],
                AuthenticationMethod = sa?.AuthenticationMethod ?? "",
                NatSide = sa?.NatSide ?? "none",
                NatTVersion = sa?.NatTVersion ?? "",
                FloatedTo4500 = sa?.FloatedTo4500 ?? false,
                DisplayFilter = sa?.DisplayFilter ?? "",
                SecondsAfterPhase2 = rows.Count > 0 ? rows.Max(row => row.SecondsAfterQuickMode) : -1,
                PathLoss = rows.Find(row => row.PathLoss.Length > 0)?.PathLoss ?? "",
                EspFromClient = MostFromClient(attempt.EspByCapture),
                EspFromServer = MostFromServer(attempt.EspByCapture),
                EspPerCapture = attempt.EspByCapture.Count == 0 ? "" : string.Join("; ", attempt.EspByCapture.Select(c => $"{@case.InputOf(c.InputIndex).DisplayName}: {c.FromClient} from the client, {c.FromServer} from the server")),
                EspLostFrom = r.EspLostFromClient switch { true => "client", false => "server", null => "" },
                EspReason = attempt[AttemptStage.Esp].Evidence.FirstOrDefault()?.Text ?? "",
                EspFrames = EspFrames(attempt.EspByCapture),
                Phase2Frames = Phase2Frames(rows),
                ClientKind = Kind(attempt, fromInitiator: true),
                ServerKind = Kind(attempt, fromInitiator: false),
                Relations = attempt.Relations.Count == 0 ? Array.Empty<string>() : attempt.Relations.ConvertAll(x => AttemptNames.Relation(x.Kind) + " " + x.OtherId),
                DisplacedByAnotherClient = attempt.Relations.Exists(x => x.Kind == AttemptRelationKind.DisplacedBy),
                FailedStageFrames = failed is null ? [] : FramesOf(failed.Evidence),
                FailedStageRecords = failed is null ? [] : RecordsOf(failed.Evidence),
                Phase1Frames = sa?.Phase1Frames ?? [],
                Records = attempt.Records,
            };
        }
    }

    // The loops below replace LINQ chains: one attempt row each for thousands of attempts on a large
    // capture, where every iterator and intermediate list was fresh memory the facts stage paid for.

    /// <summary>The SA rows of the attempt's views, in view order.</summary>
    private static List<SaFacts> Rows(ConnectionAttempt attempt, IReadOnlyDictionary<IkeSa, SaFacts> saRows)
    {
        var rows = new List<SaFacts>(attempt.Views.Count);
        foreach (AttemptView view in attempt.Views)
        {
            if (view.Sa is IkeSa sa && saRows.GetValueOrDefault(sa) is SaFacts row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>
    /// An end of the attempt as its SA rows already spelled it (the attempt's ends are its SAs'
    /// initiator and responder), else spelled here: the same strings, not new copies per attempt.
    /// </summary>
    private static (string Endpoint, string Address) Spelled(NetEndpoint? end, ConnectionAttempt attempt, IReadOnlyDictionary<IkeSa, SaFacts> saRows)
    {
        if (end is not NetEndpoint endpoint)
        {
            return ("", "");
        }

        foreach (AttemptView view in attempt.Views)
        {
            if (view.Sa is IkeSa sa && saRows.GetValueOrDefault(sa) is SaFacts row)
            {
                if (sa.Initiator == endpoint)
                {
                    return (row.Initiator, row.InitiatorAddress);
                }

                if (sa.Responder == endpoint)
                {
                    return (row.Responder, row.ResponderAddress);
                }
            }
        }

        return (endpoint.ToString(), endpoint.Address.ToString());
    }

    private static long MostFromClient(List<EspCount> counts)
    {
        long most = 0;
        foreach (EspCount count in counts)
        {
            most = Math.Max(most, count.FromClient);
        }

        return most;
    }

    private static long MostFromServer(List<EspCount> counts)
    {
        long most = 0;
        foreach (EspCount count in counts)
        {
            most = Math.Max(most, count.FromServer);
        }

        return most;
    }

    private static IReadOnlyList<FrameRef> EspFrames(List<EspCount> counts)
    {
        if (counts.Count == 0)
        {
            return Array.Empty<FrameRef>();
        }

        var frames = new List<FrameRef>(counts.Count * 2);
        foreach (EspCount count in counts)
        {
            if (count.FirstFromClient is FrameRef fromClient)
            {
                frames.Add(fromClient);
            }

            if (count.FirstFromServer is FrameRef fromServer)
            {
                frames.Add(fromServer);
            }
        }

        return frames;
    }

    private static IReadOnlyList<FrameRef> Phase2Frames(List<SaFacts> rows)
    {
        int count = 0;
        foreach (SaFacts row in rows)
        {
            count += row.QuickModeFrames.Count;
        }

        if (count == 0)
        {
            return Array.Empty<FrameRef>();
        }

        var frames = new List<FrameRef>(count);
        foreach (SaFacts row in rows)
        {
            frames.AddRange(row.QuickModeFrames);
        }

        return frames;
    }

    private static IReadOnlyList<FrameRef> FramesOf(List<AttemptEvidence> evidence)
    {
        List<FrameRef>? frames = null;
        foreach (AttemptEvidence item in evidence)
        {
            if (item.Frame is FrameRef frame)
            {
                (frames ??= new List<FrameRef>(evidence.Count)).Add(frame);
            }
        }

        if (frames is null)
        {
            return Array.Empty<FrameRef>();
        }

        return frames;
    }

    private static IReadOnlyList<EventRecord> RecordsOf(List<AttemptEvidence> evidence)
    {
        List<EventRecord>? records = null;
        foreach (AttemptEvidence item in evidence)
        {
            if (item.Record is EventRecord record)
            {
                (records ??= []).Add(record);
            }
        }

        if (records is null)
        {
            return Array.Empty<EventRecord>();
        }

        return records;
    }

    /// <summary>A side's kind from the vendor IDs it sent in any view (<see cref="PeerVendors.IsWindows"/>, never a name).</summary>
    private static string Kind(ConnectionAttempt attempt, bool fromInitiator)
    {
        bool sent = false;
        foreach (AttemptView view in attempt.Views)
        {
            if (view.Sa is not IkeSa sa)
            {
                continue;
            }

            foreach (VendorIdObservation vendor in sa.VendorIds)
            {
                if (vendor.FromInitiator != fromInitiator)
                {
                    continue;
                }

                if (PeerVendors.IsWindows(vendor))
                {
                    return "windows";
                }

                sent = true;
            }
        }

        return sent ? "other" : "unknown";
    }

    private static string Answer(AttemptMessage message) =>
        $"{IkeExchangeNames.Name(message.First.Exchange)} message {message.First.Number}" + (message.Sends > 1 ? $", sent {message.Sends} times" : "");

    private static string Outcome(ConnectionAttempt attempt, AttemptStage stage) => AttemptNames.Outcome(attempt[stage].Outcome);
}
