using Analyzer.Reporting.Tests.Fixtures;

namespace Analyzer.Reporting.Tests;

/// <summary>CSV: one directory of tables, one row per item, values as in the JSON.</summary>
public sealed class CsvReportTests
{
    [Fact]
    public void Every_table_is_written_with_a_header_and_one_row_per_item()
    {
        ReportDocument document = TestReports.Synthetic();
        string directory = TestReports.OutputDirectory(nameof(Every_table_is_written_with_a_header_and_one_row_per_item));

        IReadOnlyList<string> files = ReportWriter.WriteToDirectory(document, directory);

        Assert.Equal(
            ["events.csv", "evidence.csv", "exchanges.csv", "findings.csv", "flows.csv", "l2tp-messages.csv", "paths.csv", "sas.csv", "timeline.csv", "tunnels.csv"],
            files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(document.Ike.Sas[0].Messages.Count + 1, Lines(directory, "exchanges.csv"));
        Assert.Equal(document.L2tp.Tunnels[0].ControlMessages.Count + 1, Lines(directory, "l2tp-messages.csv"));
        Assert.Equal(document.Findings.Count + 1, Lines(directory, "findings.csv"));
        Assert.Equal(document.Paths[0].Directions.Count + 1, Lines(directory, "paths.csv"));
        Assert.StartsWith("sa,input,initiatorCookie,frame,time", File.ReadAllText(Path.Combine(directory, "exchanges.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Esp_flows_of_a_real_capture_are_one_row_per_spi_and_direction()
    {
        ReportDocument document = TestReports.Real();
        string directory = TestReports.OutputDirectory(nameof(Esp_flows_of_a_real_capture_are_one_row_per_spi_and_direction));

        ReportWriter.WriteToDirectory(document, directory);
        string[] rows = File.ReadAllLines(Path.Combine(directory, "flows.csv"));

        Assert.Equal(2, rows.Length);
        Assert.StartsWith("espudp1.pcap,0x12345678,192.1.2.23:4500,192.1.2.45:4500,udp,8,", rows[1], StringComparison.Ordinal);
    }

    private static int Lines(string directory, string file)
    {
        // Quoted cells may hold line breaks; count records the way a CSV reader does.
        int records = 0;
        bool quoted = false;
        foreach (char c in File.ReadAllText(Path.Combine(directory, file)))
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\n' && !quoted)
            {
                records++;
            }
        }

        return records;
    }
}
