using System.Text.Json;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Tests.Fixtures;

namespace Analyzer.Reporting.Tests;

/// <summary>The events verb's JSON and the report's events.records are the same shape.</summary>
public sealed class EventRecordsJsonTests
{
    [Fact]
    public void Records_written_alone_equal_the_reports_event_records()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: true);
        using var stream = new MemoryStream();

        EventRecordsJson.Write(@case.Events, i => @case.InputOf(i).DisplayName, stream);

        using JsonDocument alone = JsonDocument.Parse(stream.ToArray());
        using JsonDocument report = JsonDocument.Parse(JsonReportWriter.ToJson(TestReports.Synthetic(hostile: true)));
        JsonElement[] fromReport = [.. report.RootElement.GetProperty("events").GetProperty("records").EnumerateArray()];
        JsonElement[] fromVerb = [.. alone.RootElement.GetProperty("records").EnumerateArray()];
        Assert.Equal(fromReport.Length, fromVerb.Length);
        for (int i = 0; i < fromVerb.Length; i++)
        {
            foreach (JsonProperty property in fromVerb[i].EnumerateObject())
            {
                Assert.True(JsonElement.DeepEquals(property.Value, fromReport[i].GetProperty(property.Name)), property.Name);
            }
        }

        Assert.DoesNotContain("<script", System.Text.Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
    }
}
