using Analyzer.Core;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>
/// An Event Viewer CSV export cut while it was written or copied ends inside the last row's quoted
/// message. Every complete row is still read; the cut row is not passed off as whole, and one
/// warning names the file and the byte offset of the cut.
/// </summary>
public sealed class EventCsvTruncationTests
{
    private const string Header = "Level,Date and Time,Source,Event ID,Task Category\r\n";

    private const string TwoRows = Header
        + "Information,12/5/2026 11:32:12 AM,RasClient,20221,None,\"CoId={1}: dialing\r\nsecond line of the message\"\r\n"
        + "Error,12/13/2026 11:32:40 PM,RasClient,20227,None,\"The error code returned on failure is 809.\"\r\n";

    [Fact]
    public void A_csv_export_cut_inside_a_quoted_message_keeps_every_complete_row_and_warns_once_with_the_file_and_byte_offset()
    {
        string text = TwoRows + "Error,12/13/2026 11:32:41 PM,RasClient,20227,None,\"The error code returned on failure is 8";
        (EventLogReadResult result, long length) = Read(text);

        Assert.Equal([20221, 20227], result.Records.Select(r => r.EventId));
        Assert.Equal("The error code returned on failure is 809.", result.Records[1].Message);
        InputDiagnostic cut = Assert.Single(result.Diagnostics, d => d.Message.Contains("ends inside a quoted field", StringComparison.Ordinal));
        Assert.Equal("events.csv", cut.Input);
        Assert.Equal(length, cut.Offset);
        Assert.Contains("CSV line 5", cut.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', cut.ToString());
    }

    [Fact]
    public void A_whole_csv_export_whose_messages_hold_quotes_and_line_breaks_reads_every_row_without_a_cut_warning()
    {
        string text = TwoRows + "Warning,12/13/2026 11:32:42 PM,RasClient,20226,None,\"He said \"\"no\"\",\r\nthen stopped\"\r\n";
        (EventLogReadResult result, _) = Read(text);

        Assert.Equal([20221, 20227, 20226], result.Records.Select(r => r.EventId));
        Assert.Equal("He said \"no\",\r\nthen stopped", result.Records[2].Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("quoted field", StringComparison.Ordinal));
    }

    private static (EventLogReadResult Result, long Length) Read(string text) => EventCsvText.ReadWithLength(text);
}
