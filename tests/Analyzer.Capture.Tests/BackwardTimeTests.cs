using Analyzer.Capture.Pcap;
using Analyzer.Core;

namespace Analyzer.Capture.Tests;

/// <summary>
/// A capture whose clock was set back mid-way (or files merged out of order): frames keep the file's
/// order as Wireshark numbers them, and the reader says once where time went back. CONSTRUCTED
/// with PcapWriter: no public capture with a clock step was found.
/// </summary>
public sealed class BackwardTimeTests
{
    private static readonly Timestamp Start = Timestamp.FromDateTime(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), 0);

    [Fact]
    public void A_frame_stamped_seconds_before_the_one_before_it_is_read_in_file_order_and_noted_once()
    {
        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(Pcap(0, 1, -10, 2, -20, 3));

        Assert.Equal(6, frames.Count);
        InputDiagnostic note = Assert.Single(diagnostics);
        Assert.Equal(3, note.Frame);
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.StartsWith("frame 3 is stamped 11 s before frame 2", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Frames_a_few_microseconds_out_of_order_are_not_noted()
    {
        (_, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(Pcap(0, 0.5, 0.499999, 1));

        Assert.Empty(diagnostics);
    }

    private static byte[] Pcap(params double[] seconds)
    {
        using var stream = new MemoryStream();
        using (var writer = new PcapWriter(stream, LinkType.Ethernet, leaveOpen: true))
        {
            byte[] frame = new byte[60];
            foreach (double second in seconds)
            {
                writer.WritePacket(Start.AddSeconds(second), frame);
            }
        }

        return stream.ToArray();
    }
}
