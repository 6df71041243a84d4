namespace Analyzer.EventLogs.Csv;

/// <summary>
/// Header names of the CSV exports we read, in English and German: Event Viewer "Save as CSV"
/// (Level, Date and Time, Source, Event ID, Task Category, then the message without a header) and
/// PowerShell <c>Get-WinEvent | Export-Csv</c> (EventLogRecord property names).
/// </summary>
internal static class EventCsvColumns
{
    public static readonly string[] Level = ["Level", "Ebene", "LevelDisplayName", "EntryType"];
    public static readonly string[] Time = ["Date and Time", "Datum und Uhrzeit", "TimeCreated", "TimeGenerated", "Date", "Datum"];
    public static readonly string[] Provider = ["Source", "Quelle", "ProviderName"];
    public static readonly string[] EventId = ["Event ID", "Ereignis-ID", "Id", "EventID", "InstanceId"];
    public static readonly string[] RecordId = ["RecordId", "Index"];
    public static readonly string[] Channel = ["LogName", "ContainerLog", "Log"];
    public static readonly string[] Computer = ["MachineName", "Computer", "Computername"];
    public static readonly string[] Message = ["Message", "Meldung", "Description", "Beschreibung"];

    public static int Find(string[] header, string[] names)
    {
        foreach (string name in names)
        {
            for (int i = 0; i < header.Length; i++)
            {
                if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
