using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Capture.Pcapng;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Protocols.Tests.Traffic;

/// <summary>
/// A capture file whose end cuts its last record short (copied before the capture stopped) still
/// yields every whole record, and the summary says where the cut is, typed, for the verdict.
/// </summary>
public sealed class CaptureEndCutTests
{
    private static readonly byte[] Frame = Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage()));

    private static (DecodeSummary Summary, RecordingSink Sink) DecodeCut(byte[] whole, int keep, InputKind kind)
    {
        var sink = new RecordingSink();
        using var file = new MemoryStream(whole[..keep]);
        DecodeSummary summary = CaptureDecoder.Decode(new AnalysisInput(0, "cut", "cut", kind), file, sink, AnalysisLimits.Default, CancellationToken.None);
        return (summary, sink);
    }

    [Fact]
    public void A_pcap_cut_inside_its_third_record_yields_two_frames_and_names_frame_three_and_its_offset()
    {
        var file = new MemoryStream();
        using (var writer = new PcapWriter(file, LinkType.Ethernet, leaveOpen: true))
        {
            for (int i = 0; i < 3; i++)
            {
                writer.WritePacket(Crafted.Start.AddSeconds(i), Frame);
            }
        }

        byte[] whole = file.ToArray();
        (DecodeSummary summary, RecordingSink sink) = DecodeCut(whole, whole.Length - 5, InputKind.Pcap);

        Assert.Equal(2, sink.Datagrams.Count);
        Assert.Equal(3, summary.EndCutFrame);
        Assert.Equal(24 + (2 * (16 + Frame.Length)), summary.EndCutAt);
    }

    [Fact]
    public void A_pcapng_that_ends_cleanly_has_no_cut()
    {
        var file = new MemoryStream();
        using (var writer = new PcapngWriter(file, leaveOpen: true))
        {
            int nic = writer.AddInterface(LinkType.Ethernet);
            writer.WritePacket(nic, Crafted.Start, Frame);
        }

        byte[] whole = file.ToArray();
        (DecodeSummary summary, _) = DecodeCut(whole, whole.Length, InputKind.Pcapng);
        Assert.Null(summary.EndCutAt);

        (DecodeSummary cut, _) = DecodeCut(whole, whole.Length - 4, InputKind.Pcapng);
        Assert.Equal(1, cut.EndCutFrame);
    }
}
