using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Testing;

namespace Analyzer.EventLogs.Tests.Formats;

/// <summary>
/// Damage applied to a copy of a real multi-chunk EVTX file (../shared): a bad chunk is skipped with
/// a warning naming its offset and the others are read; CRC mismatches are reported, not fatal;
/// byte flips never throw.
/// </summary>
public sealed class DamagedEvtxTests
{
    private const int HeaderSize = 4096;
    private const int ChunkSize = 65536;

    private static byte[] SharedFile(string name)
    {
        string path = Path.Combine(RepoPaths.RequireShared("evtx/omerbenamram-evtx"), name);
        if (!File.Exists(path))
        {
            Assert.Skip("absent: " + path);
        }

        return File.ReadAllBytes(path);
    }

    private static EventLogReadResult ReadBytes(byte[] bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), "vpndiag-" + Guid.NewGuid().ToString("N") + ".evtx");
        File.WriteAllBytes(path, bytes);
        try
        {
            return EventLogReader.Read(new AnalysisInput(0, path, "damaged.evtx", InputKind.Evtx), AnalysisLimits.Default, null, TestContext.Current.CancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Chunk_with_a_broken_signature_is_skipped_with_its_offset_and_the_others_are_read()
    {
        byte[] bytes = SharedFile("security.evtx");
        EventLogReadResult intact = ReadBytes(bytes);
        const int damaged = 1;
        long offset = HeaderSize + ((long)damaged * ChunkSize);
        int inChunk = intact.Records.Count(r => r.FileOffset >= offset && r.FileOffset < offset + ChunkSize);
        Assert.True(inChunk > 0);

        bytes[offset] = (byte)'X';
        EventLogReadResult result = ReadBytes(bytes);

        Assert.Equal(intact.Records.Count - inChunk, result.Records.Count);
        Assert.Contains(result.Diagnostics, d => d.Offset == offset && d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Records_checksum_mismatch_is_reported_and_records_still_read()
    {
        byte[] bytes = SharedFile("security.evtx");
        EventLogReadResult intact = ReadBytes(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(HeaderSize + 52), 0xDEADBEEF);
        EventLogReadResult result = ReadBytes(bytes);
        Assert.Equal(intact.Records.Count, result.Records.Count);
        Assert.Contains(result.Diagnostics, d => d.Offset == HeaderSize + 52 && d.Message.Contains("CRC32", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_with_an_impossible_size_ends_its_chunk_with_a_diagnostic()
    {
        byte[] bytes = SharedFile("new-user-security.evtx");
        EventLogReadResult intact = ReadBytes(bytes);
        int firstRecord = HeaderSize + 512;
        int secondRecord = firstRecord + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(firstRecord + 4));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(secondRecord + 4), 0x7FFFFFF0);
        EventLogReadResult result = ReadBytes(bytes);
        Assert.Equal(1, result.Records.Count(r => r.FileOffset >= HeaderSize && r.FileOffset < HeaderSize + ChunkSize));
        Assert.True(intact.Records.Count > result.Records.Count);
        Assert.Contains(result.Diagnostics, d => d.Offset == secondRecord + 4);
    }

    [Fact]
    public void File_without_the_evtx_signature_fails_with_one_line_naming_file_and_offset()
    {
        byte[] bytes = new byte[HeaderSize];
        "NotAnEvtx"u8.CopyTo(bytes);
        EventLogReadException error = Assert.Throws<EventLogReadException>(() => ReadBytes(bytes));
        Assert.StartsWith("damaged.evtx: offset 0x0:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Single_byte_flips_in_records_never_throw()
    {
        byte[] original = SharedFile("new-user-security.evtx");
        var random = new Random(6);
        for (int trial = 0; trial < 300; trial++)
        {
            byte[] chunk = original.AsSpan(HeaderSize, ChunkSize).ToArray();
            int at = 512 + random.Next(ChunkSize - 512);
            chunk[at] ^= (byte)(1 << random.Next(8));
            var records = new List<EventRecord>();
            var diagnostics = new List<InputDiagnostic>();
            Analyzer.EventLogs.Evtx.EvtxChunkReader.Read(chunk, HeaderSize, new AnalysisInput(0, "x", "x", InputKind.Evtx), AnalysisLimits.Default, records, diagnostics);
            Assert.All(diagnostics, d => Assert.InRange(d.Offset ?? HeaderSize, 0, HeaderSize + ChunkSize));
        }
    }
}
