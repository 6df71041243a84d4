using Analyzer.Core;

namespace Analyzer.Capture.Tests;

public sealed class CaptureFormatTests
{
    [Theory]
    [InlineData("d4c3b2a1", InputKind.Pcap)]
    [InlineData("a1b2c3d4", InputKind.Pcap)]
    [InlineData("4d3cb2a1", InputKind.Pcap)]
    [InlineData("a1b23c4d", InputKind.Pcap)]
    [InlineData("34cdb2a1", InputKind.Pcap)]
    [InlineData("0a0d0d0a1c0000004d3c2b1a", InputKind.Pcapng)]
    [InlineData("0a0d0d0a0000001c1a2b3c4d", InputKind.Pcapng)]
    [InlineData("0a0d0d0a0000001c41424344", InputKind.Unknown)]
    [InlineData("3c3f786d6c", InputKind.Unknown)]
    [InlineData("d4c3b2", InputKind.Unknown)]
    public void Magic_numbers_identify_the_format(string hex, InputKind expected) =>
        Assert.Equal(expected, CaptureFormat.Sniff(Convert.FromHexString(hex)));

    [Fact]
    public void Gzip_is_recognised_by_its_member_header()
    {
        Assert.True(CaptureFormat.IsGzip([0x1F, 0x8B, 0x08, 0x00]));
        Assert.False(CaptureFormat.IsGzip([0x1F, 0x8B]));
        Assert.False(CaptureFormat.IsGzip([0xD4, 0xC3, 0xB2, 0xA1]));
    }
}
