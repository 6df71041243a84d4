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
            List<SaFacts> rows = attempt.Sas.Select(s => saRows.GetValueOrDefault(s)).OfType<SaFacts>().ToList();
            SaFacts? sa = rows.OrderByDescending(s => s.NatSide != "none").FirstOrDefault();
            StageVerdict? failed = attempt.FailedStage is AttemptStage stage ? attempt[stage] : null;
            AttemptReconciliation r = attempt.Reconciliation;
            AttemptView first = attempt.Views[0];
            AttemptMessage? answer = attempt.Messages.Count > 0 && !attempt.Messages[^1].First.FromInitiator ? attempt.Messages[^1] : null;
            yield return new AttemptFacts
            {
                InputIndex = first.InputIndex,
                Input = @case.InputOf(first.InputIndex).DisplayName,
                Vantage = first.Role,
                Attempt = attempt.Id,
                Id = attempt.Id,
                Client = attempt.Client?.ToString() ?? "",
                Server = attempt.Server?.ToString() ?? "",
                ClientAddress = attempt.Client?.Address.ToString() ?? "",
                ServerAddress = attempt.Server?.Address.ToString() ?? "",
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
                PathLoss = rows.Select(row => row.PathLoss).FirstOrDefault(loss => loss.Length > 0) ?? "",
                EspFromClient = attempt.EspByCapture.Select(c => c.FromClient).DefaultIfEmpty().Max(),
                EspFromServer = attempt.EspByCapture.Select(c => c.FromServer).DefaultIfEmpty().Max(),
                EspPerCapture = string.Join("; ", attempt.EspByCapture.Select(c => $"{@case.InputOf(c.InputIndex).DisplayName}: {c.FromClient} from the client, {c.FromServer} from the server")),
                EspLostFrom = r.EspLostFromClient switch { true => "client", false => "server", null => "" },
                EspReason = attempt[AttemptStage.Esp].Evidence.FirstOrDefault()?.Text ?? "",
                EspFrames = attempt.EspByCapture.SelectMany(c => new[] { c.FirstFromClient, c.FirstFromServer }).OfType<FrameRef>().ToList(),
                Phase2Frames = rows.SelectMany(row => row.QuickModeFrames).ToList(),
                ClientKind = Kind(attempt, fromInitiator: true),
                ServerKind = Kind(attempt, fromInitiator: false),
                Relations = attempt.Relations.Select(x => AttemptNames.Relation(x.Kind) + " " + x.OtherId).ToList(),
                DisplacedByAnotherClient = attempt.Relations.Any(x => x.Kind == AttemptRelationKind.DisplacedBy),
                FailedStageFrames = failed?.Evidence.Select(e => e.Frame).OfType<FrameRef>().ToList() ?? [],
                FailedStageRecords = failed?.Evidence.Select(e => e.Record).OfType<EventRecord>().ToList() ?? [],
                Phase1Frames = sa?.Phase1Frames ?? [],
                Records = attempt.Records,
            };
        }
    }

    /// <summary>A side's kind from the vendor IDs it sent in any view (<see cref="PeerVendors.IsWindows"/>, never a name).</summary>
    private static string Kind(ConnectionAttempt attempt, bool fromInitiator)
    {
        var sent = attempt.Sas.SelectMany(sa => sa.VendorIds).Where(v => v.FromInitiator == fromInitiator).ToList();
        return sent.Count == 0 ? "unknown"
            : sent.Exists(PeerVendors.IsWindows) ? "windows"
            : "other";
    }

    private static string Answer(AttemptMessage message) =>
        $"{IkeExchangeNames.Name(message.First.Exchange)} message {message.First.Number}" + (message.Sends > 1 ? $", sent {message.Sends} times" : "");

    private static string Outcome(ConnectionAttempt attempt, AttemptStage stage) => AttemptNames.Outcome(attempt[stage].Outcome);
}
