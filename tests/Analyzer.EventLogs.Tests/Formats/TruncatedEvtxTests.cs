using Analyzer.Core;
using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>
/// An EVTX file cut short inside a chunk (an upload or copy that stopped early) is read up to the
/// cut: the whole records of the last, partial chunk are kept, and a warning says where the file ends.
/// The cut is applied to a copy of a real multi-chunk file from ../shared.
/// </summary>
public sealed class TruncatedEvtxTests
{
    private const int HeaderSize = 4096;
    private const int ChunkSize = 65536;

    [Fact]
    public void A_file_cut_inside_a_chunk_keeps_the_whole_records_before_the_cut_and_warns_where_it_ends()
    {
        string path = Path.Combine(RepoPaths.RequireShared("evtx/omerbenamram-evtx"), "security.evtx");
        if (!File.Exists(path))
        {
            Assert.Skip("absent: " + path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        EventLogReadResult intact = ReadBytes(bytes);
        const long lastChunk = HeaderSize + ChunkSize;
        const int cut = (int)lastChunk + 0x2345;
        int before = intact.Records.Count(r => r.FileOffset < lastChunk);
        int inPart = intact.Records.Count(r => r.FileOffset >= lastChunk && r.FileOffset < cut - 0x400);
        Assert.True(inPart > 0);

        EventLogReadResult result = ReadBytes(bytes[..cut]);

        Assert.True(result.Records.Count >= before + inPart, $"{result.Records.Count} records read, {before + inPart} lie whole before the cut");
        Assert.All(result.Records, r => Assert.True(r.FileOffset < cut));
        InputDiagnostic warning = Assert.Single(result.Diagnostics, d => d.Offset == lastChunk && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("cut short", warning.Message, StringComparison.Ordinal);
    }

    private static EventLogReadResult ReadBytes(byte[] bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), "vpndiag-" + Guid.NewGuid().ToString("N") + ".evtx");
        File.WriteAllBytes(path, bytes);
        try
        {
            return EventLogReader.Read(new AnalysisInput(0, path, "cut.evtx", InputKind.Evtx), AnalysisLimits.Default, null, TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
