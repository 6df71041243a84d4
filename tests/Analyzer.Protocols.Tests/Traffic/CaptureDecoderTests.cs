using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Testing;

namespace Analyzer.Protocols.Tests.Traffic;

public sealed class CaptureDecoderTests
{
    private static MemoryStream ManyFrames(int count)
    {
        byte[] frame = Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage()));
        var file = new MemoryStream();
        using (var writer = new PcapWriter(file, LinkType.Ethernet, leaveOpen: true))
        {
            for (int i = 0; i < count; i++)
            {
                writer.WritePacket(Crafted.Start.AddSeconds(i * 0.001), frame);
            }
        }

        file.Position = 0;
        return file;
    }

    [Fact]
    public void A_cancelled_decode_stops_with_OperationCanceledException()
    {
        using MemoryStream file = ManyFrames(10_000);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            CaptureDecoder.Decode(new AnalysisInput(0, "many.pcap", "many.pcap", InputKind.Pcap), file, new RecordingSink(), AnalysisLimits.Default, cancellation.Token));
    }

    [Fact]
    public void Progress_ends_at_one_and_the_summary_counts_every_frame_and_kind()
    {
        using MemoryStream file = ManyFrames(5000);
        var reports = new List<double>();

        DecodeSummary summary = CaptureDecoder.Decode(new AnalysisInput(0, "many.pcap", "many.pcap", InputKind.Pcap), file, new RecordingSink(),
            AnalysisLimits.Default, CancellationToken.None, new SynchronousProgress(reports));

        Assert.Equal(1.0, reports[^1]);
        Assert.Equal(5000, summary.Frames);
        Assert.Equal(5000, summary.Count(TrafficKind.Ike));
        Assert.Equal(InputKind.Pcap, summary.Format);
        Assert.Equal(Crafted.Start, summary.FirstTime);
        Assert.Equal(Crafted.Start.AddSeconds(4.999), summary.LastTime);
    }

    [Fact]
    public void A_file_that_is_not_a_capture_throws_one_CaptureFormatException_naming_it()
    {
        string path = Path.Combine(RepoPaths.RequireShared(), "README.md");

        var error = Assert.Throws<CaptureFormatException>(() =>
            CaptureDecoder.Decode(new AnalysisInput(0, path, "README.md", InputKind.Unknown), new RecordingSink(), AnalysisLimits.Default, CancellationToken.None));

        Assert.StartsWith("README.md: offset 0x0:", error.Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
