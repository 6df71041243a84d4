using Analyzer.Correlation.Events;
using Analyzer.EventLogs;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>
/// The log records (the <c>vpndiag events</c> shape) with what ties each to a capture, and log clock
/// offsets. Up to a bound every record is listed; past it, the ones that matter most (see <see cref="Rank"/>).
/// </summary>
internal static class EventsSection
{
    private const int Ranks = 5;

    public static EventsReport Build(BuildContext context)
    {
        var correlations = new Dictionary<EventRecord, CorrelatedEvent>(ReferenceEqualityComparer.Instance);
        foreach (CorrelatedEvent correlated in context.Case.CorrelatedEvents)
        {
            correlations.TryAdd(correlated.Record, correlated);
        }

        int maxListed = context.Options.MaxEventRecordsListed;
        HashSet<EventRecord>? listed = context.Case.Events.Count > maxListed ? Select(context, correlations, maxListed) : null;
        var records = new List<ReportEventRecord>(listed?.Count ?? context.Case.Events.Count);
        foreach (EventRecord record in context.Case.Events)
        {
            if (listed is not null && !listed.Contains(record))
            {
                continue;
            }

            ReportEventCorrelation? correlation = null;
            if (correlations.TryGetValue(record, out CorrelatedEvent? tie))
            {
                correlation = new ReportEventCorrelation(
                    tie.Frame is { } frame ? context.InputName(frame.InputIndex) : null,
                    tie.Frame?.Frame,
                    tie.Sa is { } sa ? ReportNames.Cookie(sa.InitiatorCookie) : null,
                    CorrelationMethods.Name(tie.How),
                    tie.OffsetSeconds);
            }

            ReportEventRecord listedRecord = ReportEventRecord.From(record, context.InputName(record.InputIndex), correlation);
            records.Add(context.Values.Redacting ? Pseudonymised(context.Values, listedRecord) : listedRecord);
        }

        var offsets = new List<ReportClockOffset>(context.Case.ClockOffsets.Count);
        foreach (LogClockOffset offset in context.Case.ClockOffsets)
        {
            offsets.Add(new ReportClockOffset(context.InputName(offset.LogInputIndex), context.InputName(offset.CaptureInputIndex),
                offset.OffsetSeconds, offset.Pairs));
        }

        return new EventsReport { Records = records, ClockOffsets = offsets, RecordsNotListed = context.Case.Events.Count - records.Count };
    }

    /// <summary>
    /// The record with its computer, data and message in pseudonyms: named data by what its name says
    /// (a user, a host, a principal), everything else, and the raw log line, scrubbed as text with the
    /// same mapping, so a daemon line shows the same pseudonyms as the values its parser extracted.
    /// </summary>
    private static ReportEventRecord Pseudonymised(ReportValues values, ReportEventRecord record)
    {
        var data = new List<KeyValuePair<string, string>>(record.Data.Values.Count);
        foreach (KeyValuePair<string, string> pair in record.Data.Values)
        {
            data.Add(new(pair.Key, record.Data.Positional ? values.Text(pair.Value) : values.Field(pair.Key, pair.Value)));
        }

        return record with
        {
            Computer = values.Host(record.Computer),
            Data = new ReportEventData(data, record.Data.Positional),
            Message = values.Text(record.Message),
        };
    }

    // The records to list when there are too many.
    private static HashSet<EventRecord> Select(BuildContext context, Dictionary<EventRecord, CorrelatedEvent> correlations, int maxListed) =>
        RankedSelection.Take(context.Case.Events, Ranks, record => Rank(record, context.CitedRecords, correlations), maxListed);

    /// <summary>0 cited by a finding, 1 tied to a capture, 2 a recognised failure, 3 recognised, 4 the rest.</summary>
    private static int Rank(EventRecord record, HashSet<(int Input, long Record)> cited, Dictionary<EventRecord, CorrelatedEvent> correlations)
    {
        if (cited.Contains((record.InputIndex, record.RecordId)))
        {
            return 0;
        }

        if (correlations.ContainsKey(record))
        {
            return 1;
        }

        return record.Normalized switch
        {
            { IsFailure: true } => 2,
            not null => 3,
            _ => 4,
        };
    }
}
