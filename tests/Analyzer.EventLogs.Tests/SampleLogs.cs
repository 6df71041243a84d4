using Analyzer.Core;
using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests;

/// <summary>Reads sample logs the way the pipeline does (format sniffed from content).</summary>
internal static class SampleLogs
{
    public static string EventSample(string relative)
    {
        string path = Path.Combine(RepoPaths.Samples, "events", relative);
        if (!File.Exists(path))
        {
            Assert.Skip("constructed sample absent: samples/events/" + relative);
        }

        return path;
    }

    /// <summary>A lab capture scenario's file; skips when the lab samples are not merged yet.</summary>
    public static string LabFile(string scenario, string file)
    {
        string path = Path.Combine(RepoPaths.Samples, "captures", scenario, file);
        if (!File.Exists(path))
        {
            Assert.Skip($"lab sample absent: samples/captures/{scenario}/{file} (the lab's captures are merged into main)");
        }

        return path;
    }

    public static EventLogReadResult Read(string path, int? yearHint = null, int index = 0)
    {
        var input = new AnalysisInput(index, path, Path.GetFileName(path), EventLogReader.SniffFile(path));
        return EventLogReader.Read(input, AnalysisLimits.Default, yearHint, TestContext.Current.CancellationToken);
    }
}
