using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Correlation.Events;
using Analyzer.EventLogs;

namespace Analyzer.Diagnosis.Facts;

/// <summary>Flattens log records into <see cref="EventFacts"/>, noting which ones the correlator tied to capture evidence.</summary>
internal static class EventFactsBuilder
{
    public static List<EventFacts> Build(Case @case)
    {
        var correlated = new Dictionary<EventRecord, CorrelatedEvent>(ReferenceEqualityComparer.Instance);
        foreach (CorrelatedEvent item in @case.CorrelatedEvents)
        {
            correlated.TryAdd(item.Record, item);
        }

        List<EventFacts> facts = new(@case.Events.Count);
        foreach (EventRecord record in @case.Events)
        {
            NormalizedEvent? normalized = record.Normalized;
            AnalysisInput? input = record.InputIndex >= 0 && record.InputIndex < @case.Inputs.Count ? @case.Inputs[record.InputIndex] : null;
            correlated.TryGetValue(record, out CorrelatedEvent? tie);
            facts.Add(new EventFacts
            {
                InputIndex = record.InputIndex,
                Input = input?.DisplayName ?? "",
                Vantage = "log",
                Record = record,
                RecordId = record.RecordId,
                EventId = record.EventId,
                Provider = record.Provider ?? "",
                Channel = record.Channel ?? "",
                Computer = record.Computer ?? "",
                Level = record.Level ?? "",
                Time = record.Time?.ToIso8601() ?? "",
                Kind = normalized?.Kind ?? "",
                IsFailure = normalized?.IsFailure ?? false,
                Code = normalized?.Code ?? 0,
                CodeMeaning = normalized?.CodeMeaning ?? "",
                FailurePoint = normalized?.FailurePoint ?? "",
                FailureReason = normalized?.FailureReason ?? "",
                ConnectionName = normalized?.ConnectionName ?? "",
                UserName = normalized?.UserName ?? "",
                LocalAddress = normalized?.LocalAddress?.ToString() ?? "",
                RemoteAddress = normalized?.RemoteAddress?.ToString() ?? "",
                Message = record.Message ?? "",
                IsDaemonLog = input?.Kind == InputKind.DaemonLog || (record.EventId == 0 && input?.Kind is null or InputKind.Unknown),
                Correlated = tie is not null,
                CorrelatedBy = tie is null ? "" : CorrelationMethods.Name(tie.How),
            });
        }

        return facts;
    }
}
