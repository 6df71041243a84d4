using System.Text;
using Analyzer.Core;
using Analyzer.EventLogs.Xml;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>XML export edge cases, on short SYNTHETIC documents (a real export cannot be truncated on demand).</summary>
public sealed class EventXmlExportTests
{
    private const string Ns = "http://schemas.microsoft.com/win/2004/08/events/event";

    private static string Event(int id, int recordId) =>
        $"<Event xmlns='{Ns}'><System><Provider Name='RasClient'/><EventID Qualifiers='0'>{id}</EventID><TimeCreated SystemTime='2026-11-24T10:52:36.0Z'/>"
        + $"<EventRecordID>{recordId}</EventRecordID><Channel>Application</Channel></System><EventData><Data>{{CoId}}</Data><Data>alice</Data><Data>Lab VPN</Data><Data>809</Data></EventData></Event>";

    private static EventLogReadResult Read(string xml, AnalysisLimits? limits = null)
    {
        var result = new EventLogReadResult();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        EventXmlFileReader.Read(stream, new AnalysisInput(0, "x.xml", "x.xml", InputKind.EventXml), limits ?? AnalysisLimits.Default, result, TestContext.Current.CancellationToken);
        return result;
    }

    [Fact]
    public void Truncated_export_keeps_the_events_before_the_fault_and_names_the_line()
    {
        string xml = Event(20227, 1) + "\n" + Event(20227, 2) + "\n" + Event(20227, 3)[..120];
        EventLogReadResult result = Read(xml);
        Assert.Equal([1L, 2L], result.Records.Select(r => r.RecordId));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("line 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_limit_stops_reading_with_a_diagnostic()
    {
        string xml = "<Events>" + string.Concat(Enumerable.Range(1, 5).Select(i => Event(20227, i))) + "</Events>";
        EventLogReadResult result = Read(xml, AnalysisLimits.Default with { MaxEventRecords = 3 });
        Assert.Equal(3, result.Records.Count);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("more than 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Element_past_the_depth_limit_is_skipped_without_losing_the_end_tag_after_it()
    {
        // <Data><a/></Data>: <a> is one level too deep; the </Data> right after it must still close <Data>.
        string deep = Event(20227, 1).Replace("<Data>alice</Data>", "<Data><a>x</a></Data><Data>alice</Data>", StringComparison.Ordinal);
        EventLogReadResult result = Read("<Events>" + deep + Event(20227, 2) + "</Events>", AnalysisLimits.Default with { MaxXmlDepth = 3 });

        Assert.Equal([1L, 2L], result.Records.Select(r => r.RecordId));
        Assert.Equal(["{CoId}", "", "alice", "Lab VPN", "809"], result.Records[0].Data.Select(d => d.Value));
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("nested deeper than 3 levels at line 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Document_type_declarations_are_refused_not_expanded()
    {
        string xml = "<?xml version='1.0'?><!DOCTYPE Events [<!ENTITY a 'aaaaaaaaaa'>]><Events>" + Event(20227, 1) + "</Events>";
        Assert.Throws<EventLogReadException>(() => Read(xml));
    }
}
