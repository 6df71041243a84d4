using Analyzer.Correlation.Events;
using Analyzer.EventLogs;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Building;

/// <summary>Every log record (the <c>vpndiag events</c> shape) with what ties it to a capture, and log clock offsets.</summary>
internal static class EventsSection
{
    public static EventsReport Build(BuildContext context)
    {
        var correlations = new Dictionary<EventRecord, CorrelatedEvent>(ReferenceEqualityComparer.Instance);
        foreach (CorrelatedEvent correlated in context.Case.CorrelatedEvents)
        {
            correlations.TryAdd(correlated.Record, correlated);
        }

        var records = new List<ReportEventRecord>(context.Case.Events.Count);
        foreach (EventRecord record in context.Case.Events)
        {
            ReportEventCorrelation? correlation = null;
            if (correlations.TryGetValue(record, out CorrelatedEvent? tie))
            {
                correlation = new ReportEventCorrelation(
                    tie.Frame is { } frame ? context.InputName(frame.InputIndex) : null,
                    tie.Frame?.Frame,
                    tie.Sa is { } sa ? ReportNames.Cookie(sa.InitiatorCookie) : null,
                    tie.How,
                    tie.OffsetSeconds);
            }

            records.Add(ReportEventRecord.From(record, context.InputName(record.InputIndex), correlation));
        }

        var offsets = new List<ReportClockOffset>(context.Case.ClockOffsets.Count);
        foreach (LogClockOffset offset in context.Case.ClockOffsets)
        {
            offsets.Add(new ReportClockOffset(context.InputName(offset.LogInputIndex), context.InputName(offset.CaptureInputIndex),
                offset.OffsetSeconds, offset.Pairs));
        }

        return new EventsReport { Records = records, ClockOffsets = offsets };
    }
}
