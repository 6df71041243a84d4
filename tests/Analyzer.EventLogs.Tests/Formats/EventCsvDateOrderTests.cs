using Analyzer.Core;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>
/// Event Viewer's "Save as CSV" writes the time in the exporting user's short date format, under the
/// same English header for en-US (M/d/yyyy h:mm:ss AM) and en-GB (dd/MM/yyyy HH:mm:ss). The order of
/// day and month is one per file: decided from the file's own dates, never row by row.
/// </summary>
public sealed class EventCsvDateOrderTests
{
    private const string Header = "Level,Date and Time,Source,Event ID,Task Category\r\n";

    [Fact]
    public void A_british_export_reads_every_date_day_first_when_one_day_is_above_12()
    {
        EventLogReadResult result = Read(Header
            + "Information,05/12/2026 11:32:12,RasClient,20221,None,\"dialing\"\r\n"
            + "Error,13/12/2026 11:32:40,RasClient,20227,None,\"The error code returned on failure is 809.\"\r\n");
        Assert.Equal([new DateTime(2026, 12, 5, 11, 32, 12, DateTimeKind.Utc), new DateTime(2026, 12, 13, 11, 32, 40, DateTimeKind.Utc)],
            result.Records.Select(r => r.Time!.Value.ToDateTime()));
    }

    [Fact]
    public void A_us_export_reads_every_date_month_first_when_one_day_is_above_12()
    {
        EventLogReadResult result = Read(Header
            + "Information,12/5/2026 11:32:12 AM,RasClient,20221,None,\"dialing\"\r\n"
            + "Error,12/13/2026 11:32:40 PM,RasClient,20227,None,\"The error code returned on failure is 809.\"\r\n");
        Assert.Equal([new DateTime(2026, 12, 5, 11, 32, 12, DateTimeKind.Utc), new DateTime(2026, 12, 13, 23, 32, 40, DateTimeKind.Utc)],
            result.Records.Select(r => r.Time!.Value.ToDateTime()));
    }

    [Fact]
    public void Dates_that_cannot_tell_day_from_month_are_read_by_the_clock_style_and_the_guess_is_said()
    {
        EventLogReadResult result = Read(Header + "Information,05/12/2026 11:32:12,RasClient,20221,None,\"dialing\"\r\n");
        Assert.Equal(new DateTime(2026, 12, 5, 11, 32, 12, DateTimeKind.Utc), result.Records.Single().Time!.Value.ToDateTime());
        InputDiagnostic guess = Assert.Single(result.Diagnostics, d => d.Message.Contains("which number is the day", StringComparison.Ordinal));
        Assert.Equal(DiagnosticSeverity.Warning, guess.Severity);
    }

    private static EventLogReadResult Read(string text) => EventCsvText.Read(text);
}
