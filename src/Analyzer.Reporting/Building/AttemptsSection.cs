using System.Globalization;
using Analyzer.Core;
using Analyzer.Correlation.Attempts;
using Analyzer.Diagnosis;
using Analyzer.EventLogs;
using Analyzer.Reporting.Document;
using Analyzer.Sessions.Ike;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Reporting.Building;

/// <summary>
/// The attempts of the case as the report shows them: stages with evidence kinds, the merged
/// ladder, the tied log lines, and the cause, rule and owner from the attempt's leading finding.
/// </summary>
internal static class AttemptsSection
{
    /// <summary>Log lines listed per attempt (the appendix keeps every record).</summary>
    private const int MaxRecordsListed = 40;

    // Every message of every ladder is named, and the names are few: each is spelled once per run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IkeExchangeKind Exchange, int Number, bool FromInitiator), string> Names = new();

    public static IReadOnlyList<ReportAttempt> Build(BuildContext context)
    {
        var attempts = new List<ReportAttempt>(context.Case.Attempts.Attempts.Count);
        Dictionary<string, List<Finding>> findingsOf = FindingsByAttempt(context.Diagnosis.Findings);
        foreach (ConnectionAttempt attempt in context.Case.Attempts.Attempts)
        {
            List<Finding> findings = findingsOf.GetValueOrDefault(attempt.Id) ?? [];
            Finding? lead = Lead(attempt, findings);
            // An attempt stopped where only keys can read on: an information finding (a NAT) is not what it is about.
            string? undecided = attempt.Undecided is StageVerdict stage && lead?.Severity is null or Severity.Info
                ? $"undecided at {AttemptNames.Stage(stage.Stage)} without {stage.UndecidedWithout}"
                : null;
            lead = undecided is null ? lead : null;
            string? reason = attempt.SideBasis == SideBasis.None ? null : AttemptNames.Basis(attempt.SideBasis);
            attempts.Add(new ReportAttempt
            {
                Id = attempt.Id,
                Start = attempt.Start == default ? null : ReportNames.Time(attempt.Start),
                Client = attempt.Client is NetEndpoint client ? context.Values.Endpoint(client) : null,
                Server = attempt.Server is NetEndpoint server ? context.Values.Endpoint(server) : null,
                ServerHost = attempt.Server is null ? context.Values.Host(attempt.ServerHost) : null,
                Ike = new ReportAttemptIke
                {
                    Version = attempt.IkeVersion,
                    Mode = AttemptNames.Mode(attempt.IkeVersion, attempt.Phase1, attempt.IkeSeen),
                    InitiatorSpi = attempt.IkeSeen ? ReportNames.Cookie(attempt.InitiatorSpi) : null,
                    ResponderSpi = !attempt.IkeSeen || attempt.ResponderSpi == 0 ? null : ReportNames.Cookie(attempt.ResponderSpi),
                },
                Views = Views(context, attempt.Views),
                Stages = Stages(context, attempt.Stages),
                Reached = attempt.FurthestPassed is AttemptStage reached ? AttemptNames.Stage(reached) : null,
                FailedStage = attempt.FailedStage is AttemptStage failed ? AttemptNames.Stage(failed) : null,
                Side = AttemptNames.Side(attempt.Side),
                SideReason = reason,
                Owner = lead?.Owner ?? OwnerOf(attempt.Side, attempt.FailedStage is not null),
                Cause = undecided ?? context.Values.Text(lead?.Title) ?? (attempt.FailedStage is not null ? NoRuleExplains(reason) : reason),
                Rule = lead?.RuleId,
                Findings = RuleIds(findings),
                Messages = Messages(context, attempt),
                Records = attempt.Records.Count == 0 ? [] : Listed(attempt.Records).Select(r => Record(context, r)).ToList(),
                RecordsTotal = attempt.Records.Count,
                Relations = Relations(attempt.Relations),
            });
        }

        return attempts;
    }

    // The parts of an attempt go into arrays of their exact size, not LINQ lists: every attempt of a
    // large capture has eight stages and a ladder of messages (docs/performance.md, seventh session).
    private static ReportAttemptView[] Views(BuildContext context, List<AttemptView> views)
    {
        var list = new ReportAttemptView[views.Count];
        for (int i = 0; i < list.Length; i++)
        {
            AttemptView view = views[i];
            list[i] = new ReportAttemptView(context.InputName(view.InputIndex), view.Role,
                view.Match is AttemptEvidence match ? new ReportViewMatch(AttemptNames.Kind(match.Kind), match.Text) : null);
        }

        return list;
    }

    private static ReportAttemptStage[] Stages(BuildContext context, List<StageVerdict> stages)
    {
        var list = new ReportAttemptStage[stages.Count];
        for (int i = 0; i < list.Length; i++)
        {
            StageVerdict stage = stages[i];
            var evidence = stage.Evidence.Count == 0 ? [] : new ReportEvidence[stage.Evidence.Count];
            for (int e = 0; e < evidence.Length; e++)
            {
                evidence[e] = Evidence(context, stage.Evidence[e]);
            }

            list[i] = new ReportAttemptStage
            {
                Stage = AttemptNames.Stage(stage.Stage),
                Outcome = AttemptNames.Outcome(stage.Outcome),
                Evidence = evidence,
            };
        }

        return list;
    }

    private static string[] RuleIds(List<Finding> findings)
    {
        var ids = findings.Count == 0 ? [] : new string[findings.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = findings[i].RuleId;
        }

        return ids;
    }

    private static ReportAttemptMessage[] Messages(BuildContext context, ConnectionAttempt attempt)
    {
        var list = attempt.Messages.Count == 0 ? [] : new ReportAttemptMessage[attempt.Messages.Count];
        string? seenBy = null;
        if (list.Length > 0 && attempt.Views.FirstOrDefault(v => v.Sa is not null)?.Role is string role and (VantageRolesText.Client or VantageRolesText.Server))
        {
            seenBy = role + " capture";
        }

        for (int i = 0; i < list.Length; i++)
        {
            list[i] = Message(context, attempt.Messages[i], seenBy);
        }

        return list;
    }

    private static string[] Relations(List<AttemptRelation> relations)
    {
        var list = relations.Count == 0 ? [] : new string[relations.Count];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = AttemptNames.Relation(relations[i].Kind) + " " + relations[i].OtherId;
        }

        return list;
    }

    /// <summary>
    /// The finding the attempts table names as the attempt's cause. A failed attempt takes only a
    /// warning or error whose rule lists the failed stage (rule key <c>stages</c>): a symptom beside
    /// the failure (weak algorithms offered in an IKE_SA_INIT nobody answered) is not its cause, and
    /// without such a finding the table says no rule explains it, as the verdict's safety net does.
    /// An attempt that did not fail takes its first warning or error, else its first finding.
    /// </summary>
    private static Finding? Lead(ConnectionAttempt attempt, List<Finding> findings) =>
        attempt.FailedStage is AttemptStage failed
            ? findings.FirstOrDefault(f => f.Severity != Severity.Info && f.Stages.Contains(failed))
            : findings.FirstOrDefault(f => f.Severity != Severity.Info) ?? findings.FirstOrDefault();

    private static string NoRuleExplains(string? reason) => reason is null ? "no rule explains it" : $"no rule explains it ({reason})";

    /// <summary>
    /// Each attempt's findings in ranked order, from one walk over the findings: asking every
    /// finding's attempt list about every attempt grew with attempts × findings × attempts per
    /// finding (a finding on a 200 MB capture names up to 192 attempts).
    /// </summary>
    private static Dictionary<string, List<Finding>> FindingsByAttempt(IReadOnlyList<Finding> ranked)
    {
        var byAttempt = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (Finding finding in ranked)
        {
            foreach (string id in finding.Attempts)
            {
                if (!byAttempt.TryGetValue(id, out List<Finding>? findings))
                {
                    findings = [];
                    byAttempt.Add(id, findings);
                }

                if (findings.Count == 0 || !ReferenceEquals(findings[^1], finding))
                {
                    findings.Add(finding);
                }
            }
        }

        return byAttempt;
    }

    /// <summary>
    /// The lines worth reading beside the ladder, in time order: the first line of each failure a map
    /// recognised (per log: a daemon repeats it on every retransmission), then the other recognised
    /// lines and the warnings and errors, as far as the list allows. A
    /// charon log at level 2 or 4 writes dozens of task lines per message, which would otherwise
    /// fill the list before the failure. A log nothing recognises is shown from its start.
    /// </summary>
    private static IEnumerable<EventRecord> Listed(List<EventRecord> records)
    {
        if (records.Count == 0)
        {
            // Most attempts of a large capture have no log lines: no sorting machinery for them.
            return [];
        }

        List<EventRecord> telling = records.Where(r => r.Normalized is not null || EventLevels.IsWarningOrWorse(r.Level)).OrderBy(r => r.Time ?? default).ToList();
        if (telling.Count == 0)
        {
            return records.OrderBy(r => r.Time ?? default).Take(MaxRecordsListed);
        }

        List<EventRecord> listed = telling.Where(r => r.Normalized?.IsFailure == true)
            .DistinctBy(r => (r.InputIndex, r.Message, r.Normalized!.Kind)).Take(MaxRecordsListed).ToList();
        listed.AddRange(telling.Where(r => r.Normalized?.IsFailure != true).Take(MaxRecordsListed - listed.Count));
        return listed.OrderBy(r => r.Time ?? default);
    }

    private static string? OwnerOf(AttemptSide side, bool failed) => !failed ? null : side switch
    {
        AttemptSide.Path => "network/firewall team",
        AttemptSide.Server => "VPN server admin",
        AttemptSide.Client => "client admin",
        _ => null,
    };

    private static ReportEvidence Evidence(BuildContext context, AttemptEvidence raw)
    {
        // A frame number of 0 means "no frame" (an SA the model knows without messages): cite nothing then.
        AttemptEvidence evidence = raw.Frame is { Frame: <= 0 } ? raw with { Frame = null } : raw;
        return Cite(context, evidence);
    }

    private static ReportEvidence Cite(BuildContext context, AttemptEvidence evidence) => new()
    {
        Input = evidence.Frame is FrameRef frame ? context.InputName(frame.InputIndex)
            : evidence.Record is EventRecord record ? context.InputName(record.InputIndex) : "",
        Frame = evidence.Frame?.Frame,
        Record = evidence.Record?.RecordId,
        Time = ReportNames.Time(evidence.Frame?.Time ?? evidence.Record?.Time),
        Text = context.Values.Text(evidence.Text),
        DisplayFilter = evidence.Frame is FrameRef f ? string.Create(CultureInfo.InvariantCulture, $"frame.number == {f.Frame}") : null,
        Kind = AttemptNames.Kind(evidence.Kind),
    };

    /// <summary><paramref name="seenBy"/>: "client capture" or "server capture" for a message only one capture saw, when the attempt's first capture view says which.</summary>
    private static ReportAttemptMessage Message(BuildContext context, AttemptMessage message, string? seenBy)
    {
        IkeMessage first = message.First;
        IkeNotifyObservation? notify = first.Notifies.FirstOrDefault(n => n.IsError) ?? first.Notifies.FirstOrDefault();
        return new ReportAttemptMessage
        {
            Time = ReportNames.Time(message.Time),
            Message = Name(first),
            From = first.FromInitiator ? "client" : "server",
            Sends = message.Sends,
            Seen = message.Sighting == MessageSighting.OneCapture && seenBy is not null ? seenBy : AttemptNames.Sighting(message.Sighting),
            Encrypted = first.Encrypted && !first.Decrypted,
            Frames = FrameNames(context, message.Frames),
            Notify = notify is null ? null : context.Values.Text(NotifyTypes.Name(notify.Type, notify.V2)),
        };
    }

    /// <summary>"client.pcap#12" per frame: one string each, in an array of the exact size (every message of every attempt).</summary>
    private static string[] FrameNames(BuildContext context, List<FrameRef> frames)
    {
        var names = new string[frames.Count];
        for (int i = 0; i < names.Length; i++)
        {
            FrameRef frame = frames[i];
            names[i] = string.Create(CultureInfo.InvariantCulture, $"{context.InputName(frame.InputIndex)}#{frame.Frame}");
        }

        return names;
    }

    /// <summary>"MM5", "AM2", "QM1", "IKE_SA_INIT request", "Informational".</summary>
    internal static string Name(IkeMessage message) => message.Fragment is null
        ? Names.GetOrAdd((message.Exchange, message.Number, message.FromInitiator), static key => Spell(key.Exchange, key.Number, key.FromInitiator, null))
        : Spell(message.Exchange, message.Number, message.FromInitiator, message.Fragment);

    private static string Spell(IkeExchangeKind exchange, int number, bool fromInitiator, IkeFragmentInfo? fragment) => exchange switch
    {
        IkeExchangeKind.MainMode when number > 0 => "MM" + number.ToString(CultureInfo.InvariantCulture),
        IkeExchangeKind.AggressiveMode when number > 0 => "AM" + number.ToString(CultureInfo.InvariantCulture),
        IkeExchangeKind.QuickMode when number > 0 => "QM" + number.ToString(CultureInfo.InvariantCulture),
        IkeExchangeKind.IkeSaInit or IkeExchangeKind.IkeAuth => IkeExchangeNames.Name(exchange) + (fromInitiator ? " request" : " response"),
        IkeExchangeKind.CreateChildSa or IkeExchangeKind.InformationalV2 => IkeExchangeNames.Name(exchange),
        _ => ReportNames.Kebab(exchange),
    } + (fragment is not null ? " fragment " + fragment.Index.ToString(CultureInfo.InvariantCulture) : "");

    private static ReportAttemptRecord Record(BuildContext context, EventRecord record) => new(
        context.InputName(record.InputIndex),
        record.RecordId,
        ReportNames.Time(record.Time),
        context.Values.Text(record.Message ?? record.Normalized?.Kind ?? record.EventId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The vantage roles as the views name them.</summary>
    private static class VantageRolesText
    {
        public const string Client = "client";
        public const string Server = "server";
    }
}
