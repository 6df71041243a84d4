using Analyzer.Core;
using Analyzer.Testing;

namespace Analyzer.Capture.Tests;

/// <summary>
/// Damage made by editing real captures (cut, garbage inserted, a length field overwritten): the
/// kinds of damage a customer's copy or a crashed capture tool leaves.
/// </summary>
public sealed class DamagedCaptureTests
{
    private static byte[] Shared(string relative) =>
        File.ReadAllBytes(Path.Combine(RepoPaths.RequireShared("captures"), relative));

    [Fact]
    public void A_file_cut_inside_its_last_record_yields_the_whole_records_and_a_warning_at_that_record()
    {
        byte[] original = Shared("tcpdump/ISAKMP_sa_setup.pcap");
        (List<ReadFrame> whole, _) = ReadFrame.ReadAll(original);

        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(original[..^10]);

        Assert.Equal(whole.Count - 1, frames.Count);
        InputDiagnostic warning = Assert.Single(diagnostics);
        Assert.Equal(whole[^1].FileOffset, warning.Offset);
        Assert.Equal(whole.Count, warning.Frame);
        Assert.Contains("cut short", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Garbage_between_pcap_records_is_reported_at_its_offset_and_reading_resumes_after_it()
    {
        byte[] original = Shared("tcpdump/ISAKMP_sa_setup.pcap");
        (List<ReadFrame> whole, _) = ReadFrame.ReadAll(original);
        int cut = (int)whole[3].FileOffset;
        byte[] damaged = [.. original[..cut], .. Enumerable.Repeat((byte)0xFF, 37), .. original[cut..]];

        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(damaged);

        Assert.Equal(whole.Count, frames.Count);
        Assert.Equal(whole.Select(f => f.Data), frames.Select(f => f.Data));
        Assert.Equal(cut, diagnostics[0].Offset);
        Assert.Contains(diagnostics, d => d.Offset == cut + 37 && d.Message.Contains("resynchronised", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pcapng_block_with_an_impossible_length_is_skipped_and_the_next_block_is_found()
    {
        byte[] original = Shared("nDPI/esp.pcapng");
        (List<ReadFrame> whole, _) = ReadFrame.ReadAll(original);
        int block = (int)whole[2].FileOffset;
        byte[] damaged = (byte[])original.Clone();
        BitConverter.GetBytes(0x7FFFFFF0u).CopyTo(damaged, block + 4);

        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(damaged);

        Assert.Equal(whole.Count - 1, frames.Count);
        Assert.Equal(block + 4, diagnostics[0].Offset);
        Assert.Equal(whole[3].Data, frames[2].Data);
    }

    [Fact]
    public void A_four_gigabyte_block_length_costs_no_memory_and_ends_with_a_warning()
    {
        byte[] original = Shared("nDPI/esp.pcapng");
        (List<ReadFrame> whole, _) = ReadFrame.ReadAll(original);
        int block = (int)whole[^1].FileOffset;
        byte[] damaged = (byte[])original.Clone();
        BitConverter.GetBytes(0xFFFFFFFCu).CopyTo(damaged, block + 4);
        long before = GC.GetAllocatedBytesForCurrentThread();

        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(damaged);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20);
        Assert.Equal(whole.Count - 1, frames.Count);
        Assert.Contains(diagnostics, d => d.Offset == block + 4);
    }

    [Fact]
    public void A_record_over_the_limit_is_skipped_but_keeps_its_frame_number()
    {
        string path = Path.Combine(RepoPaths.RequireShared("captures"), "tcpdump/ISAKMP_sa_setup.pcap");
        (List<ReadFrame> whole, _) = ReadFrame.ReadAll(path);
        int limit = whole.Max(f => f.Data.Length) - 1;

        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(path, new AnalysisLimits { MaxRecordBytes = limit });

        Assert.Equal(whole.Where(f => f.Data.Length <= limit).Select(f => f.Number), frames.Select(f => f.Number));
        Assert.Equal(whole.Count(f => f.Data.Length > limit), diagnostics.Count);
    }

    [Fact]
    public void A_snaplen_cut_packet_is_read_as_far_as_it_goes_and_marked_truncated()
    {
        string path = Path.Combine(RepoPaths.RequireShared("captures"), "tcpdump/esp_truncated.pcap");

        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(path);

        ReadFrame frame = Assert.Single(frames);
        Assert.True(frame.OriginalLength > frame.Data.Length);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void An_empty_file_is_refused_with_one_line_naming_it()
    {
        var error = Assert.Throws<CaptureFormatException>(() => CaptureReader.Open(new MemoryStream(), "empty.pcap"));
        Assert.Equal("empty.pcap: offset 0x0: the file is empty", error.Message);
    }

    [Fact]
    public void A_text_file_is_refused_as_not_a_capture()
    {
        var error = Assert.Throws<CaptureFormatException>(() =>
            CaptureReader.Open(new MemoryStream("Nov 24 10:00:01 charon: 05[IKE] initiating"u8.ToArray()), "charon.log"));
        Assert.StartsWith("charon.log: offset 0x0: not a pcap or pcapng capture", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pcap_file_header_cut_short_is_refused()
    {
        byte[] original = Shared("tcpdump/ISAKMP_sa_setup.pcap");
        var error = Assert.Throws<CaptureFormatException>(() => CaptureReader.Open(new MemoryStream(original[..20]), "cut.pcap"));
        Assert.Contains("file header cut short", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_gzip_data_is_reported_not_thrown_as_a_crash()
    {
        byte[] original = Shared("arkime/arkime_synthetic.pcap");
        using var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(original);
        }

        byte[] bytes = compressed.ToArray();
        for (int i = bytes.Length * 3 / 4; i < bytes.Length - 8; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var diagnostics = new List<InputDiagnostic>();
        using CaptureReader reader = CaptureReader.Open(new MemoryStream(bytes), "damaged.pcap.gz", null, diagnostics.Add);
        int frames = 0;
        while (reader.TryReadFrame(out _))
        {
            frames++;
        }

        Assert.InRange(frames, 1, 917);
        Assert.Contains(diagnostics, d => d.Message.Contains("damaged gzip data", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
    }
}
