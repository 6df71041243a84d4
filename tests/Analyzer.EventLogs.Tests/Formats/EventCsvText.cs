using Analyzer.Core;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>Reads CSV text the way a user's exported file is read: written to a temporary file, read as an event CSV, deleted.</summary>
internal static class EventCsvText
{
    public static EventLogReadResult Read(string text) => ReadWithLength(text).Result;

    /// <summary>The result and the file's length in bytes (offsets in diagnostics are against it).</summary>
    public static (EventLogReadResult Result, long Length) ReadWithLength(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"vpndiag-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        try
        {
            return (EventLogReader.Read(new AnalysisInput(0, path, "events.csv", InputKind.EventCsv), AnalysisLimits.Default, null, TestContext.Current.CancellationToken),
                new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
