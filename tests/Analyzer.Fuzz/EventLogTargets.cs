using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Fuzz;

/// <summary>Targets for the event log importers, each fed a file of its own kind.</summary>
public static class EventLogTargets
{
    public static void Read(ReadOnlySpan<byte> input, InputKind kind, string extension)
    {
        string path = ScratchFile.Write(input, extension);
        try
        {
            _ = EventLogReader.Read(new AnalysisInput(0, path, "fuzz" + extension, kind), FuzzLimits.Low, 2026, CancellationToken.None);
        }
        catch (EventLogReadException)
        {
            // Documented outcome for a file that cannot be read at all.
        }
    }
}
