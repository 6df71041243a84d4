using Analyzer.Testing;

namespace Analyzer.Capture.Tests;

/// <summary>The reader against tshark on every real capture: frame numbers, times, lengths and interfaces.</summary>
public sealed class CaptureReaderOracleTests
{
    public static TheoryData<string> Captures => CaptureCorpus.All();

    [Theory]
    [MemberData(nameof(Captures))]
    public void Every_frame_has_the_number_time_and_lengths_tshark_shows(string capture)
    {
        string path = CaptureCorpus.Resolve(capture);
        List<TsharkFrame> expected = TsharkFrame.Read(path);

        (List<ReadFrame> frames, _) = ReadFrame.ReadAll(path);

        Assert.Equal(expected.Count, frames.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            ReadFrame got = frames[i];
            TsharkFrame want = expected[i];
            Assert.Equal(want.Number, got.Number);
            Assert.Equal(want.Epoch, got.EpochText);
            Assert.Equal(want.Length, got.OriginalLength);
            Assert.Equal(want.CapturedLength, got.Data.Length);
            Assert.Equal(want.InterfaceId, got.InterfaceId);
        }
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void A_gzip_compressed_copy_reads_the_same_frames(string capture)
    {
        string path = CaptureCorpus.Resolve(capture);
        string compressed = Path.Combine(Path.GetTempPath(), "vpndiag-" + Guid.NewGuid().ToString("N") + ".gz");
        try
        {
            using (FileStream input = File.OpenRead(path))
            using (FileStream output = File.Create(compressed))
            using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
            {
                input.CopyTo(gzip);
            }

            (List<ReadFrame> plain, List<Core.InputDiagnostic> plainDiagnostics) = ReadFrame.ReadAll(path);
            (List<ReadFrame> unzipped, List<Core.InputDiagnostic> unzippedDiagnostics) = ReadFrame.ReadAll(compressed);

            Assert.Equal(plain.Count, unzipped.Count);
            Assert.Equal(plainDiagnostics.Count, unzippedDiagnostics.Count);
            for (int i = 0; i < plain.Count; i++)
            {
                Assert.Equal(plain[i].Time, unzipped[i].Time);
                Assert.Equal(plain[i].Data, unzipped[i].Data);
            }
        }
        finally
        {
            File.Delete(compressed);
        }
    }
}
