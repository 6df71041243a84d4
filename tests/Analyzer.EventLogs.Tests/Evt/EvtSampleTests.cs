using Analyzer.Core;

namespace Analyzer.EventLogs.Tests.Evt;

/// <summary>
/// samples/events/legacy/server-security-2003.evt: a CONSTRUCTED Windows Server 2003 security log
/// (construct.py; wrapped ring with one record split by the file end) holding the same eight IKE
/// audit records as server-security-2003.xml. Both files come from one list of events, so the EVT
/// reader must yield what the XML reader yields, to the second (EVT keeps whole seconds).
/// </summary>
public sealed class EvtSampleTests
{
    private const string Evt = "legacy/server-security-2003.evt";
    private const string Xml = "legacy/server-security-2003.xml";

    [Fact]
    public void Wrapped_2003_log_yields_the_records_of_its_xml_export()
    {
        EventLogReadResult evt = SampleLogs.Read(SampleLogs.EventSample(Evt));
        EventLogReadResult xml = SampleLogs.Read(SampleLogs.EventSample(Xml));

        Assert.Empty(evt.Diagnostics);
        Assert.Equal(xml.Records.Count, evt.Records.Count);
        for (int i = 0; i < xml.Records.Count; i++)
        {
            EventRecord expected = xml.Records[i];
            EventRecord actual = evt.Records[i];
            Assert.Equal(expected.RecordId, actual.RecordId);
            Assert.Equal(expected.EventId, actual.EventId);
            Assert.Equal(expected.Provider, actual.Provider);
            Assert.Equal(expected.Computer, actual.Computer);
            Assert.Equal(LevelName(expected.Level), actual.Level);
            Assert.Equal(WholeSeconds(expected.Time!.Value), actual.Time!.Value.UnixNanoseconds);
            Assert.Equal(expected.Data.Select(d => d.Value), actual.Data.Select(d => d.Value));
            Assert.True(actual.DataIsPositional);
            Assert.Equal(expected.Normalized?.Kind, actual.Normalized?.Kind);
            Assert.Equal(expected.Normalized?.RemoteAddress, actual.Normalized?.RemoteAddress);
        }
    }

    [Fact]
    public void Record_split_by_the_file_end_is_read_whole_and_located_at_its_start()
    {
        string path = SampleLogs.EventSample(Evt);
        byte[] file = File.ReadAllBytes(path);
        EventLogReadResult evt = SampleLogs.Read(path);

        foreach (EventRecord record in evt.Records)
        {
            long offset = record.FileOffset!.Value;
            Assert.Equal("LfLe"u8.ToArray(), file.AsSpan((int)offset + 4, 4).ToArray());
            Assert.Equal((uint)record.RecordId, BitConverter.ToUInt32(file, (int)offset + 8));
        }

        // The record whose bytes reach the physical end of the file is the one the ring wrapped inside.
        EventRecord split = Assert.Single(evt.Records, r => r.FileOffset + BitConverter.ToInt32(file, (int)r.FileOffset!.Value) > file.Length);
        Assert.Equal(547, split.EventId);
        Assert.Equal("IKE authentication credentials are unacceptable", split.GetData("4"));
    }

    [Fact]
    public void Evtexport_reads_the_same_records_as_vpndiag()
    {
        string path = SampleLogs.EventSample(Evt);
        List<EvtOracle.OracleEvent> oracle = EvtOracle.Export(path);
        EventLogReadResult evt = SampleLogs.Read(path);

        Assert.Equal(oracle.Select(o => o.RecordId), evt.Records.Select(r => r.RecordId));
        for (int i = 0; i < oracle.Count; i++)
        {
            EvtOracle.OracleEvent expected = oracle[i];
            EventRecord actual = evt.Records[i];
            Assert.Equal(expected.EventId, actual.EventId);
            Assert.Equal(expected.Source, actual.Provider);
            Assert.Equal(expected.Computer, actual.Computer);
            Assert.Equal(expected.Created, actual.Time!.Value.ToDateTime());
            Assert.Equal(expected.Written, actual.Written!.Value.ToDateTime());
            Assert.Equal(expected.Strings, actual.Data.Select(d => d.Value));
        }
    }

    /// <summary>The XML carries the EVT event type as a number in Level; the EVT reader names it.</summary>
    private static string? LevelName(string? xmlLevel) => xmlLevel switch
    {
        "8" => "Audit Success",
        "16" => "Audit Failure",
        _ => xmlLevel,
    };

    private static long WholeSeconds(Timestamp time) =>
        time.UnixNanoseconds / 1_000_000_000 * 1_000_000_000;
}
