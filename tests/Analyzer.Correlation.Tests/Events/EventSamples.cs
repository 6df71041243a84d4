using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Events;

internal static class EventSamples
{
    public static List<EventRecord> Read(int index, string relative, int? year = 2026)
    {
        string path = Path.Combine(RepoPaths.Samples, relative);
        if (!File.Exists(path))
        {
            Assert.Skip("sample absent: samples/" + relative);
        }

        var input = new AnalysisInput(index, path, relative, EventLogReader.SniffFile(path));
        return EventLogReader.Read(input, AnalysisLimits.Default, year, TestContext.Current.CancellationToken).Records;
    }
}
