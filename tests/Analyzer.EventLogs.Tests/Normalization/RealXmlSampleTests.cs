using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests.Normalization;

/// <summary>The real single-event XML records in ../shared/evtx/vpn (from IPBan's test data), English and German.</summary>
public sealed class RealXmlSampleTests
{
    private static EventRecord ReadShared(string file)
    {
        string path = Path.Combine(RepoPaths.RequireShared("evtx/vpn"), file);
        if (!File.Exists(path))
        {
            Assert.Skip("absent: ../shared/evtx/vpn/" + file);
        }

        return Assert.Single(SampleLogs.Read(path).Records);
    }

    [Theory]
    [InlineData("ipban-line82-20271.xml", 812, "5.10.15.20", "UZER12")]
    [InlineData("ipban-line172-20271.xml", 691, "123.123.123.123", "Admin")]
    [InlineData("ipban-line178-20271.xml", 691, "11.12.13.15", "corinne")]
    public void RemoteAccess_20271_code_comes_from_the_binary_data_in_any_language(string file, long code, string client, string user)
    {
        EventRecord record = ReadShared(file);
        Assert.True(record.DataIsPositional);
        NormalizedEvent n = record.Normalized!;
        Assert.Equal("ras-server-connection-rejected", n.Kind);
        Assert.Equal(code, n.Code);
        Assert.Equal(client, n.RemoteAddress.ToString());
        Assert.Equal(user, n.UserName);
        Assert.NotNull(n.CodeMeaning);
    }

    [Fact]
    public void Real_4653_carries_cookies_and_timeout_reason()
    {
        EventRecord record = ReadShared("ipban-line160-4653.xml");
        Assert.Equal(100095994, record.RecordId);
        Assert.Equal("2020-07-10T17:20:06.687103300Z", record.Time!.Value.ToIso8601());
        NormalizedEvent n = record.Normalized!;
        Assert.Equal(0xdb55d3767e51b422UL, n.InitiatorCookie);
        Assert.Equal(0UL, n.ResponderCookie);
        Assert.Equal(13805, n.Code);
        Assert.Equal("88.88.88.82", n.RemoteAddress.ToString());
        Assert.Equal((ushort)4500, n.LocalPort);
    }

    [Fact]
    public void An_unrendered_message_table_reference_is_not_shown_as_the_failure_point_but_stays_in_the_fields()
    {
        EventRecord record = ReadShared("ipban-line160-4653.xml");
        NormalizedEvent n = record.Normalized!;
        Assert.Null(n.FailurePoint);
        Assert.Equal("%%8199", record.GetData("FailurePoint"));
    }

    [Theory]
    [InlineData("ipban-line184-6272.xml", "nps-access-granted", null)]
    [InlineData("ipban-line100-6273.xml", "nps-access-denied", 21L)]
    public void Nps_events_normalise_with_reason_code(string file, string kind, long? code)
    {
        NormalizedEvent n = ReadShared(file).Normalized!;
        Assert.Equal(kind, n.Kind);
        Assert.Equal(code, n.Code);
    }
}
