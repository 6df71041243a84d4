using Analyzer.Core;
using Analyzer.EventLogs;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// <see cref="AnalysisLimits.MaxLineLength"/>: a text log or CSV export with a line of many megabytes
/// (no line breaks at all, in a broken or hostile file) is read in bounded memory, the long line is
/// cut with one warning naming the file and line, and the lines after it are still read.
/// </summary>
public sealed class LineLengthTests : IDisposable
{
    private const int HugeLine = 24 << 20;
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-lines-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    public static TheoryData<string, int> Logs() => new()
    {
        { "captures/udp500-blocked/charon-client.log", 3 },
        { "events/udp500-blocked/client-application.csv", 2 },
        { "events/healthy-psk/server-cpu-typeperf.csv", 2 },
    };

    [Theory]
    [MemberData(nameof(Logs))]
    public void A_line_of_megabytes_is_cut_in_bounded_memory_and_the_rest_of_the_log_is_read(string sample, int hugeLineNumber)
    {
        string source = HostileSamples.Sample(sample);
        string[] lines = File.ReadAllLines(source);
        string path = Path.Combine(_temp, Path.GetFileName(source));
        using (var writer = new StreamWriter(path))
        {
            for (int i = 0; i < lines.Length; i++)
            {
                if (i == hugeLineNumber - 1)
                {
                    writer.Write(new string('A', HugeLine));
                    writer.Write('\n');
                }

                writer.Write(lines[i]);
                writer.Write('\n');
            }
        }

        var input = new AnalysisInput(0, path, Path.GetFileName(path), EventLogReader.SniffFile(path));
        EventLogReadResult clean = EventLogReader.Read(new AnalysisInput(0, source, Path.GetFileName(source), input.Kind), AnalysisLimits.Default, 2026, CancellationToken.None);

        long before = GC.GetAllocatedBytesForCurrentThread();
        EventLogReadResult result = EventLogReader.Read(input, AnalysisLimits.Default, 2026, CancellationToken.None);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < HugeLine, $"{allocated} bytes allocated for a {HugeLine}-character line");
        InputDiagnostic notice = Assert.Single(result.Diagnostics, d => d.Message.Contains("characters were cut", StringComparison.Ordinal));
        Assert.Equal(input.DisplayName, notice.Input);
        Assert.Equal(hugeLineNumber, notice.Frame);
        // Everything after the long line is still read (a daemon log also keeps the cut line as a record).
        int cleanCount = clean.Records.Count + clean.Performance.Count;
        Assert.InRange(result.Records.Count + result.Performance.Count, cleanCount, cleanCount + 1);
        Assert.Equal(clean.Records.LastOrDefault()?.Time, result.Records.LastOrDefault()?.Time);
        Assert.Equal(clean.Performance.LastOrDefault() is { } last ? (last.Time, last.Counter, last.Value) : default, result.Performance.LastOrDefault() is { } cut ? (cut.Time, cut.Counter, cut.Value) : default);
    }
}
