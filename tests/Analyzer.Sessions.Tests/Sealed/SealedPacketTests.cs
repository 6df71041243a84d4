using System.Runtime.CompilerServices;
using Analyzer.Core;
using Analyzer.Sessions.Sealed;

namespace Analyzer.Sessions.Tests.Sealed;

public sealed class SealedPacketTests
{
    [Fact]
    public void A_sealed_packet_gives_back_the_frame_reference_it_was_made_from()
    {
        var frame = new FrameRef(3, 5_000_000_123, new Timestamp(1_765_000_000_123_456_000, 6));
        var packet = new SealedPacket(frame, fromFirst: true, spi: 0xc0ffee01, length: 1_420);

        Assert.Equal(frame, packet.Frame);
        Assert.Equal(frame.Time, packet.Time);
        Assert.Equal(6, packet.Time.FractionDigits);
        Assert.True(packet.FromFirst);
        Assert.Equal(0xc0ffee01u, packet.Spi);
        Assert.Equal(1_420, packet.Length);
    }

    [Fact]
    public void Sealed_packets_differing_in_one_part_are_not_equal()
    {
        var frame = new FrameRef(0, 7, new Timestamp(1_000, 9));
        var packet = new SealedPacket(frame, true, 1, 100);

        Assert.Equal(packet, new SealedPacket(frame, true, 1, 100));
        Assert.NotEqual(packet, new SealedPacket(frame with { Time = new Timestamp(1_000, 6) }, true, 1, 100));
        Assert.NotEqual(packet, new SealedPacket(frame, false, 1, 100));
        Assert.NotEqual(packet, new SealedPacket(frame with { InputIndex = 1 }, true, 1, 100));
    }

    [Fact]
    public void A_sealed_packet_takes_32_bytes_in_the_capture_model()
    {
        // 240 001 of them on the 1 GB capture (docs/performance.md, issue 18's clause, fifth session):
        // a FrameRef field would make it 48.
        Assert.Equal(32, Unsafe.SizeOf<SealedPacket>());
    }
}
