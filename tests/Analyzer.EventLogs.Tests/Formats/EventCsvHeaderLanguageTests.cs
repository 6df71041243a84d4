using Analyzer.Core;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>
/// Event Viewer writes its CSV header in the exporting user's display language. Known languages are
/// read from the one column table; an Event Viewer export in a language the table lacks is named as
/// such, with the header found, in one line: never guessed at, never passed over as an unknown file.
/// </summary>
public sealed class EventCsvHeaderLanguageTests
{
    private const string FrenchRows =
        "Erreur,13/12/2026 11:32:40,RasClient,20227,Aucun,\"The error code returned on failure is 809.\"\r\n"
        + "Information,05/12/2026 11:32:12,RasClient,20221,Aucun,\"dialing\"\r\n";

    [Theory]
    [InlineData("Niveau,Date et heure,Source,ID de l'événement,Catégorie de la tâche\r\n")]
    [InlineData("Niveau,Date et heure,Source,ID de l\u2019événement,Catégorie de la tâche\r\n")]
    public void A_french_event_viewer_export_is_sniffed_and_read_with_its_day_first_dates(string header)
    {
        string text = header + FrenchRows;
        Assert.Equal(InputKind.EventCsv, EventLogFormat.Sniff(System.Text.Encoding.UTF8.GetBytes(text), "journal.csv"));

        EventLogReadResult result = Read(text);
        Assert.Equal([20227, 20221], result.Records.Select(r => r.EventId));
        Assert.Equal(["RasClient", "RasClient"], result.Records.Select(r => r.Provider));
        Assert.Equal("Erreur", result.Records[0].Level);
        Assert.Equal(new DateTime(2026, 12, 5, 11, 32, 12, DateTimeKind.Utc), result.Records[1].Time!.Value.ToDateTime());
    }

    [Fact]
    public void An_event_viewer_export_in_a_language_the_table_lacks_is_named_with_its_header_in_one_line()
    {
        // Event Viewer's shape (five names, then rows whose fourth field is the event id) under names the table does not hold.
        string text = "Stufe X,Zeitpunkt X,Herkunft X,Kennung X,Gruppe X\r\n" + FrenchRows;
        Assert.Equal(InputKind.EventCsv, EventLogFormat.Sniff(System.Text.Encoding.UTF8.GetBytes(text), "log.csv"));

        EventLogReadException error = Assert.Throws<EventLogReadException>(() => Read(text));
        Assert.StartsWith("events.csv:", error.Message, StringComparison.Ordinal);
        Assert.Contains("not recognised: 'Stufe X,Zeitpunkt X,Herkunft X,Kennung X,Gruppe X'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_csv_that_is_not_shaped_like_an_event_export_is_not_sniffed_as_one()
    {
        string text = "name,size,owner,count,kind\r\nalpha,12,root,three,file\r\n";
        Assert.NotEqual(InputKind.EventCsv, EventLogFormat.Sniff(System.Text.Encoding.UTF8.GetBytes(text), "list.csv"));
    }

    private static EventLogReadResult Read(string text) => EventCsvText.Read(text);
}
