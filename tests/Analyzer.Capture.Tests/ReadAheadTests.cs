using System.IO.Compression;
using Analyzer.Capture.IO;
using Analyzer.Capture.Pcap;
using Analyzer.Core;

namespace Analyzer.Capture.Tests;

/// <summary>
/// Reading ahead on a second thread (<see cref="ReadAhead"/> under <see cref="ByteWindow"/>). Every
/// capture test that goes through <see cref="ReadFrame.ReadAll(string, AnalysisLimits?)"/> already
/// compares it with the plain reader; these add the cases real captures rarely have.
/// </summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Records_far_longer_than_a_chunk_and_its_headroom_come_out_whole()
    {
        int[] lengths = [60, 1500, 1096, 1097, 2999, 3000, 3001, 9000, 70_000, 200_000, 60, 250_000, 42];
        byte[] file = Capture(lengths);

        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(file);

        Assert.Empty(diagnostics);
        Assert.Equal(lengths, frames.Select(f => f.Data.Length));
        for (int i = 0; i < lengths.Length; i++)
        {
            Assert.Equal(Payload(i, lengths[i]), frames[i].Data);
        }
    }

    [Fact]
    public void A_gzip_capture_damaged_after_its_first_chunks_reports_the_damage_and_agrees_with_the_plain_reader_before_it()
    {
        byte[] plain = Capture(Enumerable.Range(0, 400).Select(i => 200 + (i * 37 % 1400)).ToArray());
        byte[] compressed = Gzip(plain);
        compressed[compressed.Length / 2] ^= 0x5A;
        compressed[(compressed.Length / 2) + 1] ^= 0xA5;

        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(compressed);

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("damaged gzip data", StringComparison.Ordinal));
        Assert.InRange(frames.Count, 1, 399);
    }

    [Fact]
    public void Disposing_the_reader_before_the_end_stops_the_reading_thread_and_returns_its_buffers()
    {
        byte[] file = Capture(Enumerable.Repeat(1400, 2000).ToArray());
        var stream = new MemoryStream(file);
        CaptureReader reader = CaptureReader.Open(stream, "big.pcap", null, null, leaveOpen: true, (_, _) => ReadFrame.SmallChunks);

        Assert.True(reader.TryReadFrame(out _));
        reader.Dispose();

        // The thread has stopped: the stream is no longer read after the reader is gone.
        long position = stream.Position;
        Thread.Sleep(50);
        Assert.Equal(position, stream.Position);
        Assert.True(position < file.Length);
    }

    [Fact]
    public void An_unexpected_error_of_the_source_reaches_the_reading_thread_as_it_does_without_read_ahead()
    {
        byte[] file = Capture(Enumerable.Repeat(1400, 200).ToArray());

        Assert.Throws<NotSupportedException>(() => ReadFrame.Read(new BreakingStream(file, 100_000), "plain.pcap", null, readAhead: null));
        Assert.Throws<NotSupportedException>(() => ReadFrame.Read(new BreakingStream(file, 100_000), "ahead.pcap", null, ReadFrame.SmallChunks));
    }

    [Fact]
    public void A_large_file_is_read_ahead_and_a_small_one_on_the_calling_thread()
    {
        if (Environment.ProcessorCount < 2 || Environment.GetEnvironmentVariable("VPNDIAG_READ_AHEAD") is not null)
        {
            Assert.Skip("needs two cores and no VPNDIAG_READ_AHEAD override");
        }

        Assert.NotNull(ReadAheadOptions.Choose(new SizedStream(512L << 20), compressed: false));
        Assert.Null(ReadAheadOptions.Choose(new SizedStream((512L << 20) - 1), compressed: false));
        Assert.NotNull(ReadAheadOptions.Choose(new MemoryStream(new byte[1 << 20]), compressed: true));
        Assert.Null(ReadAheadOptions.Choose(new NonSeekable(), compressed: false));
    }

    private static byte[] Payload(int index, int length)
    {
        byte[] data = new byte[length];
        new Random(index).NextBytes(data);
        return data;
    }

    private static byte[] Capture(int[] lengths)
    {
        using var output = new MemoryStream();
        using (var writer = new PcapWriter(output, LinkType.Raw, leaveOpen: true))
        {
            for (int i = 0; i < lengths.Length; i++)
            {
                writer.WritePacket(Timestamp.FromUnix(1_700_000_000 + i, 0, 6), Payload(i, lengths[i]));
            }
        }

        return output.ToArray();
    }

    private static byte[] Gzip(byte[] plain)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return output.ToArray();
    }

    /// <summary>Serves the file up to a point, then fails in a way no reader expects.</summary>
    private sealed class BreakingStream(byte[] data, int breakAt) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (Position >= breakAt)
            {
                throw new NotSupportedException("the source broke");
            }

            return base.Read(buffer, offset, (int)Math.Min(count, breakAt - Position));
        }
    }

    private sealed class NonSeekable : MemoryStream
    {
        public override bool CanSeek => false;
    }

    /// <summary>A seekable stream that only has a length (nothing is read from it).</summary>
    private sealed class SizedStream(long length) : MemoryStream
    {
        public override long Length => length;
    }
}
