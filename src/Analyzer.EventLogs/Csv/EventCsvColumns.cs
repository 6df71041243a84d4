namespace Analyzer.EventLogs.Csv;

/// <summary>
/// The one table of CSV header names we recognise. Event Viewer's "Save All Events As… CSV" writes
/// its list view's columns in the display language of the exporting user (Level, Date and Time,
/// Source, Event ID, Task Category, then the message without a header); PowerShell
/// <c>Get-WinEvent | Export-Csv</c> and <c>Get-EventLog | Export-Csv</c> write property names, which
/// are never localised. A language is listed only where its strings could be established; a header
/// in any other language is reported as unknown (with the header found), never guessed at.
/// </summary>
internal static class EventCsvColumns
{
    /// <summary>One display language's Event Viewer column names.</summary>
    private sealed record EventViewerHeader(string Language, string Level, string Time, string Source, string EventId, string TaskCategory);

    private static readonly EventViewerHeader[] EventViewer =
    [
        // en-US Event Viewer (Windows Vista and later).
        new("English", "Level", "Date and Time", "Source", "Event ID", "Task Category"),
        // de-DE Event Viewer ("Ereignisanzeige"): kept from the reader's first version (12b1e21), which
        // recorded no source for them.
        new("German", "Ebene", "Datum und Uhrzeit", "Quelle", "Ereignis-ID", "Aufgabenkategorie"),
        // fr-FR Event Viewer ("Observateur d'événements"): Niveau, Source and "ID de l'événement" are the
        // column names in Microsoft's French Event Viewer help (forsenergy.com/fr-fr/eventviewer,
        // "propriétés d'événements"); "Date et heure" and "Catégorie de la tâche" as the founders' trial
        // brief quotes the French export's header.
        new("French", "Niveau", "Date et heure", "Source", "ID de l'événement", "Catégorie de la tâche"),
    ];

    public static readonly string[] Level = [.. EventViewer.Select(h => h.Level), "LevelDisplayName", "EntryType"];
    public static readonly string[] Time = [.. EventViewer.Select(h => h.Time), "TimeCreated", "TimeGenerated", "Date", "Datum"];
    public static readonly string[] Provider = [.. EventViewer.Select(h => h.Source).Distinct(), "ProviderName"];
    public static readonly string[] EventId = [.. EventViewer.Select(h => h.EventId), "Id", "EventID", "InstanceId"];
    public static readonly string[] RecordId = ["RecordId", "Index"];
    public static readonly string[] Channel = ["LogName", "ContainerLog", "Log"];
    public static readonly string[] Computer = ["MachineName", "Computer", "Computername"];
    public static readonly string[] Message = ["Message", "Meldung", "Description", "Beschreibung"];

    /// <summary>The languages whose Event Viewer headers are in the table, for messages.</summary>
    public static string Languages => string.Join(", ", EventViewer.Select(h => h.Language));

    public static int Find(string[] header, string[] names)
    {
        foreach (string name in names)
        {
            for (int i = 0; i < header.Length; i++)
            {
                if (SameName(header[i], name))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>True when the header names both an event id and a time column we know.</summary>
    public static bool Recognised(string[] header) => Find(header, EventId) >= 0 && Find(header, Time) >= 0;

    /// <summary>
    /// Event Viewer's shape whatever the language: a header of five names, and a first row with six
    /// or more fields whose fourth (the event id) is a number. Lets an export in a language not in the
    /// table be named as such instead of passing as an unknown file.
    /// </summary>
    public static bool EventViewerShaped(string[] header, string[]? firstRow) =>
        header.Length == 5 && header.All(h => h.Trim().Length > 0 && !h.Trim().All(char.IsAsciiDigit))
        && firstRow is { Length: >= 6 } && firstRow[3].Trim().Length > 0 && firstRow[3].Trim().All(char.IsAsciiDigit);

    // Windows writes the French apostrophe either straight or typographic (U+2019) depending on the build.
    private static bool SameName(string cell, string name) =>
        string.Equals(cell.Trim().Replace('\u2019', '\''), name, StringComparison.OrdinalIgnoreCase);
}
