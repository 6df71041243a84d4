using System.Text.Json;
using Analyzer.Reporting.Batch;
using Analyzer.Reporting.Tests.Fixtures;

namespace Analyzer.Reporting.Tests;

/// <summary>Batch: one line per bundle (verdict, top finding), in bundle order whatever order they finished.</summary>
public sealed class BatchSummaryTests
{
    [Fact]
    public void Entries_added_in_parallel_come_out_sorted_by_bundle()
    {
        var summary = new BatchSummary();
        ReportDocument document = TestReports.Synthetic();

        Parallel.For(0, 20, i => summary.Add(BatchEntry.FromReport($"ticket-{i:00}", document, $"ticket-{i:00}.html")));

        Assert.Equal(20, summary.Entries.Count);
        Assert.Equal(summary.Entries.Select(e => e.Bundle).Order(StringComparer.Ordinal), summary.Entries.Select(e => e.Bundle));
    }

    [Fact]
    public void Markdown_table_names_bundle_verdict_and_top_finding()
    {
        var summary = new BatchSummary();
        summary.Add(BatchEntry.FromReport("b-ticket", TestReports.Synthetic(), "b-ticket.md"));
        summary.Add(BatchEntry.Failed("a-ticket", "a-ticket.zip: not a zip file at offset 0x0"));
        using var writer = new StringWriter();

        summary.WriteMarkdown(writer);
        string[] lines = writer.ToString().Split('\n');

        int header = Array.FindIndex(lines, l => l.StartsWith("| Bundle", StringComparison.Ordinal));
        Assert.StartsWith("| a-ticket | failed |", lines[header + 2], StringComparison.Ordinal);
        Assert.StartsWith("| b-ticket | error |", lines[header + 3], StringComparison.Ordinal);
        Assert.Contains("`ike-no-response`", lines[header + 3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 0, 0 }, 0)]
    [InlineData(new[] { 0, 1 }, 1)]
    [InlineData(new[] { 0, 2 }, 1)]
    [InlineData(new[] { 2, 2 }, 2)]
    public void Exit_code_follows_the_cli_contract(int[] bundleCodes, int expected)
    {
        var summary = new BatchSummary();
        for (int i = 0; i < bundleCodes.Length; i++)
        {
            summary.Add(new BatchEntry($"b{i}", null, "ok", "v", null, null, 0, bundleCodes[i], null));
        }

        Assert.Equal(expected, summary.ExitCode);
    }

    [Fact]
    public void Json_summary_lists_every_bundle()
    {
        var summary = new BatchSummary();
        summary.Add(BatchEntry.FromReport("one", TestReports.Synthetic(), null));
        using var stream = new MemoryStream();

        summary.WriteJson(stream, new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        using JsonDocument json = JsonDocument.Parse(stream.ToArray());

        JsonElement bundle = json.RootElement.GetProperty("bundles")[0];
        Assert.Equal("one", bundle.GetProperty("bundle").GetString());
        Assert.Equal("ike-no-response", bundle.GetProperty("topRule").GetString());
        Assert.Equal(1, bundle.GetProperty("exitCode").GetInt32());
    }
}
