using System.Text.RegularExpressions;
using Analyzer.EventLogs.Normalization;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>
/// An Event Viewer CSV carries RasClient's message in the exporting machine's language and no
/// event data, so the error code comes from the message. The rows here are CONSTRUCTED (no French
/// or German export is public): each puts the code where a translation may, and the code must be
/// read by its shape, never by the English words around it.
/// </summary>
public sealed class EventCsvLocalisedMessageTests
{
    private const string French = "Niveau,Date et heure,Source,ID de l'événement,Catégorie de la tâche\r\n";
    private const string German = "Ebene,Datum und Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie\r\n";

    [Theory]
    [InlineData(French, "Erreur,13/12/2026 11:32:40,RasClient,20227,Aucun,\"CoId={6E4B1C2A-9F3D-4E21-B0A7-5C8D2E1F3A90}: L'utilisateur LABCLIENT\\alice a établi une connexion nommée VPN 2024 qui a échoué. Le code d'erreur renvoyé lors de l'échec est 691.\"", 691)]
    [InlineData(French, "Erreur,13/12/2026 11:32:40,RasClient,20227,Aucun,\"CoId={6E4B1C2A-9F3D-4E21-B0A7-5C8D2E1F3A90}: L'utilisateur LABCLIENT\\alice a établi une connexion nommée « Bureau 203.0.113.10 » qui a échoué avec le code d'erreur 809 ; voir l'aide.\"", 809)]
    [InlineData(German, "Fehler,24.11.2026 11:37:09,RasClient,20227,Keine,\"CoId={6E4B1C2A-9F3D-4E21-B0A7-5C8D2E1F3A90}: Der Benutzer LABCLIENT\\alice2 hat eine Verbindung mit dem Namen \"\"Büro 2024\"\" gewählt, die nicht hergestellt werden konnte. Der bei dem Fehler zurückgegebene Fehlercode lautet 13801.\"", 13801)]
    [InlineData(German, "Fehler,24.11.2026 11:37:09,RasClient,20227,Keine,\"CoId={6E4B1C2A-9F3D-4E21-B0A7-5C8D2E1F3A90}: Fehlercode 789 für die Verbindung \"\"VPN\"\" des Benutzers LABCLIENT\\alice.\"", 789)]
    public void A_rasclient_error_code_is_read_from_a_localised_csv_message_wherever_the_translation_puts_it(string header, string row, long code)
    {
        EventRecord record = Assert.Single(EventCsvText.Read(header + row + "\r\n").Records);

        NormalizedEvent? normalized = EventNormalizer.Normalize(record);

        Assert.NotNull(normalized);
        Assert.Equal("rasclient-error", normalized.Kind);
        Assert.Equal(code, normalized.Code);
    }

    [Fact]
    public void Digits_inside_the_coid_guid_a_user_name_or_an_address_are_never_taken_for_the_error_code()
    {
        string row = "Erreur,13/12/2026 11:32:40,RasClient,20227,Aucun,\"CoId={12345678-1234-4E21-B0A7-5C8D2E1F3A90}: L'utilisateur LABCLIENT\\alice2024 a établi une connexion vers 203.0.113.100 qui a échoué.\"";
        EventRecord record = Assert.Single(EventCsvText.Read(French + row + "\r\n").Records);

        NormalizedEvent? normalized = EventNormalizer.Normalize(record);

        Assert.NotNull(normalized);
        Assert.Null(normalized.Code);
    }

    [Fact]
    public void Every_windows_and_daemon_map_pattern_compiles_for_the_non_backtracking_engine_native_aot_uses()
    {
        string[] patterns = [.. EventMapCatalog.DefaultWindows.Patterns.Keys, .. EventMapCatalog.DefaultDaemons.Patterns.Keys];
        Assert.NotEmpty(patterns);
        foreach (string pattern in patterns)
        {
            Regex regex = new(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            Assert.NotNull(regex);
        }
    }
}
