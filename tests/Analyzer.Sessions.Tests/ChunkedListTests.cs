using Analyzer.Core;
using Analyzer.Sessions.Sealed;

namespace Analyzer.Sessions.Tests;

public sealed class ChunkedListTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(ChunkedList<SealedPacket>.ChunkLength)]
    [InlineData(ChunkedList<SealedPacket>.ChunkLength + 1)]
    [InlineData((3 * ChunkedList<SealedPacket>.ChunkLength) + 17)]
    public void Items_come_back_in_the_order_they_were_added_by_index_and_by_enumeration(int count)
    {
        var list = new ChunkedList<SealedPacket>();
        for (int i = 0; i < count; i++)
        {
            list.Add(Packet(i));
        }

        Assert.Equal(count, list.Count);
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(Packet(i), list[i]);
        }

        Assert.Equal(Enumerable.Range(0, count).Select(Packet), list);
        int walked = 0;
        foreach (SealedPacket packet in list)
        {
            Assert.Equal(Packet(walked++), packet);
        }

        Assert.Equal(count, walked);
    }

    [Fact]
    public void An_index_past_the_packets_is_refused_even_inside_an_allocated_chunk()
    {
        var list = new ChunkedList<SealedPacket>();
        list.Add(Packet(0));

        Assert.Throws<ArgumentOutOfRangeException>(() => list[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => list[-1]);
    }

    [Fact]
    public void Exists_finds_an_item_in_a_later_chunk_and_not_one_never_added()
    {
        var list = new ChunkedList<SealedPacket>();
        for (int i = 0; i < (2 * ChunkedList<SealedPacket>.ChunkLength) + 3; i++)
        {
            list.Add(Packet(i));
        }

        Assert.True(list.Exists(p => p.Spi == 1000 + (2 * ChunkedList<SealedPacket>.ChunkLength) + 2));
        Assert.False(list.Exists(p => p.Spi == 1));
    }

    private static SealedPacket Packet(int i) =>
        new(new FrameRef(0, i + 1, new Timestamp(1_765_000_000_000_000_000 + (i * 1_000_000L), 6)), i % 3 == 0, (uint)(1000 + i), 100 + i);
}
