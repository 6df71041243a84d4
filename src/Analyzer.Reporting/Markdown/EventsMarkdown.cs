using System.Globalization;
using Analyzer.Reporting.Document;

namespace Analyzer.Reporting.Markdown;

/// <summary>Log records: counts per kind and the failures in full; every record is in the JSON and CSV reports.</summary>
internal sealed class EventsMarkdown : IMarkdownSection
{
    private const int FailureRows = 200;

    public void Write(ReportDocument document, MarkdownOut output)
    {
        if (document.Events.Records.Count == 0)
        {
            return;
        }

        output.Heading(2, "Event log records");
        if (document.Events.RecordsNotListed > 0)
        {
            output.Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{document.Events.Records.Count} of {document.Events.Records.Count + document.Events.RecordsNotListed} records are in this report: those cited by findings, tied to a capture or recognised first. `vpndiag events` lists every record."));
        }

        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (ReportEventRecord record in document.Events.Records)
        {
            string kind = record.Kind ?? "(not interpreted)";
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        output.Table(["Kind", "Records"], kinds.Select(k => new[] { MarkdownText.Escape(k.Key), k.Value.ToString(CultureInfo.InvariantCulture) }));
        output.Bullets(document.Events.ClockOffsets.Select(o => MarkdownText.Escape(o.Log) + " clock vs " + MarkdownText.Escape(o.Capture)
            + string.Create(CultureInfo.InvariantCulture, $": {o.OffsetSeconds:+0.###;-0.###;0} s from {o.Pairs} matched pairs")));

        List<ReportEventRecord> failures = [.. document.Events.Records.Where(r => r.Failure == true)];
        if (failures.Count > 0)
        {
            output.Paragraph("**Failures reported by the logs**");
            output.Table(["Input", "Record", "Time", "Computer", "Provider", "Event", "Kind", "Message", "Data"], failures.Select(r => new[]
            {
                MarkdownText.Cell(r.Input), r.RecordId.ToString(CultureInfo.InvariantCulture), MarkdownText.Cell(r.Time), MarkdownText.Cell(r.Computer),
                MarkdownText.Cell(r.Provider), r.EventId.ToString(CultureInfo.InvariantCulture), MarkdownText.Cell(r.Kind),
                MarkdownText.Cell(r.Message), MarkdownText.Cell(DataText(r.Data)),
            }), FailureRows);
        }
    }

    private static string DataText(ReportEventData data) =>
        string.Join("; ", data.Values.Select(v => data.Positional ? v.Value : v.Key + "=" + v.Value));
}
