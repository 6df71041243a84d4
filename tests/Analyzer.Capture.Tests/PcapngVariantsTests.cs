using Analyzer.Capture.Pcap;
using Analyzer.Capture.Pcapng;
using Analyzer.Core;
using Analyzer.Testing;

namespace Analyzer.Capture.Tests;

/// <summary>
/// File variants no lab tool writes on demand (synthetic, built with our writers around real
/// packet bytes): several sections in both byte orders, interfaces with different link types and
/// if_tsresol/if_tsoffset, simple packet blocks, pcap in every magic. tshark is the oracle.
/// </summary>
public sealed class PcapngVariantsTests
{
    private static readonly Timestamp When = new(1_764_000_000_123_456_789, 9);

    private static byte[] RealPacket()
    {
        string path = Path.Combine(RepoPaths.RequireShared("captures"), "tcpdump/ISAKMP_sa_setup.pcap");
        (List<ReadFrame> frames, _) = ReadFrame.ReadAll(path);
        return frames[0].Data;
    }

    [Fact]
    public void Sections_in_both_byte_orders_with_their_own_interfaces_and_resolutions_read_as_tshark_reads_them()
    {
        byte[] ethernet = RealPacket();
        byte[] raw = ethernet[14..];
        string path = TempFile(".pcapng");
        try
        {
            using (var writer = new PcapngWriter(File.Create(path), bigEndian: true))
            {
                int nanos = writer.AddInterface(LinkType.Ethernet, timestampResolution: 9);
                int micros = writer.AddInterface(LinkType.Raw, timestampResolution: 6, name: "raw0");
                writer.WritePacket(nanos, When, ethernet, comment: "first");
                writer.WritePacket(micros, When.AddSeconds(1), raw);
                writer.StartSection(bigEndian: false);
                int binary = writer.AddInterface(LinkType.Ethernet, timestampResolution: 0x80 | 20, offsetSeconds: 3600);
                int millis = writer.AddInterface(LinkType.Raw, timestampResolution: 3);
                writer.WritePacket(binary, When.AddSeconds(2), ethernet);
                writer.WritePacket(millis, When.AddSeconds(3), raw, originalLength: raw.Length + 100);
            }

            List<TsharkFrame> expected = TsharkFrame.Read(path);
            (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(path);

            Assert.Empty(diagnostics);
            Assert.Equal(expected.Select(f => (f.Number, f.Epoch, f.Length, f.CapturedLength, f.InterfaceId)),
                frames.Select(f => (f.Number, f.EpochText, f.OriginalLength, (long)f.Data.Length, f.InterfaceId)));
            Assert.Equal([LinkType.Ethernet, LinkType.Raw, LinkType.Ethernet, LinkType.Raw], frames.Select(f => f.LinkType));
            Assert.Equal("first", frames[0].Comment);
            Assert.Equal(3, frames[3].Time.FractionDigits);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_packet_naming_an_interface_the_section_never_defined_is_reported_and_skipped()
    {
        byte[] ethernet = RealPacket();
        using var file = new MemoryStream();
        using (var writer = new PcapngWriter(file, leaveOpen: true))
        {
            int id = writer.AddInterface(LinkType.Ethernet);
            writer.WritePacket(id, When, ethernet);
            writer.StartSection(bigEndian: false);
            writer.AddInterface(LinkType.Ethernet);
            writer.WritePacket(0, When, ethernet);
        }

        byte[] bytes = file.ToArray();

        // Point the last packet at interface 5.
        int lastBlock = bytes.Length - (12 + 20 + ((ethernet.Length + 3) & ~3));
        BitConverter.GetBytes(5u).CopyTo(bytes, lastBlock + 8);
        (List<ReadFrame> frames, List<InputDiagnostic> diagnostics) = ReadFrame.ReadAll(bytes);

        Assert.Single(frames);
        InputDiagnostic warning = Assert.Single(diagnostics);
        Assert.Equal(2, warning.Frame);
        Assert.Contains("interface 5", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Pcap_in_either_byte_order_and_resolution_reads_as_tshark_reads_it(bool bigEndian, bool nanoseconds)
    {
        byte[] ethernet = RealPacket();
        string path = TempFile(".pcap");
        try
        {
            using (var writer = new PcapWriter(File.Create(path), LinkType.Ethernet, nanoseconds, bigEndian))
            {
                writer.WritePacket(When, ethernet);
                writer.WritePacket(When.AddSeconds(0.5), ethernet.AsSpan(0, 60), originalLength: ethernet.Length);
            }

            List<TsharkFrame> expected = TsharkFrame.Read(path);
            (List<ReadFrame> frames, _) = ReadFrame.ReadAll(path);

            Assert.Equal(expected.Select(f => (f.Epoch, f.Length, f.CapturedLength)),
                frames.Select(f => (f.EpochText, f.OriginalLength, (long)f.Data.Length)));
            Assert.Equal(nanoseconds ? 9 : 6, frames[0].Time.FractionDigits);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Simple_packet_blocks_take_interface_zero_and_its_snaplen()
    {
        byte[] ethernet = RealPacket();
        using var file = new MemoryStream();
        using (var writer = new PcapngWriter(file, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Ethernet, snapLength: 64);
            writer.WriteSimplePacket(ethernet, (uint)ethernet.Length);
        }

        (List<ReadFrame> frames, _) = ReadFrame.ReadAll(file.ToArray());

        ReadFrame frame = Assert.Single(frames);
        Assert.Equal(64, frame.Data.Length);
        Assert.Equal(ethernet.Length, frame.OriginalLength);
    }

    private static string TempFile(string extension) =>
        Path.Combine(Path.GetTempPath(), "vpndiag-" + Guid.NewGuid().ToString("N") + extension);
}
