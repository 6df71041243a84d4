using Analyzer.Capture;
using Analyzer.Capture.Pcapng;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using PacketDotNet;

namespace Analyzer.Protocols.Tests.Traffic;

/// <summary>
/// A host capturing on two interfaces records each forwarded packet twice, the second copy one hop
/// older (TTL or hop limit one lower, a new IPv4 header checksum): the copy is read once. A pcap
/// without a cooked header names no interface, so nothing in it is an echo.
/// </summary>
public sealed class InterfaceEchoTests
{
    private static readonly byte[] Ike = Crafted.IkeMessage(40);

    [Fact]
    public void A_packet_forwarded_between_two_pcapng_interfaces_is_read_once()
    {
        (RecordingSink sink, DecodeSummary summary) = DecodePcapng(
            (0, 0.000, Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike, id: 7).Bytes),
            (1, 0.001, Forwarded(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike, id: 7))));

        Assert.Single(sink.Datagrams);
        Assert.Equal(1, summary.InterfaceEchoes);
    }

    [Fact]
    public void An_IPv6_packet_forwarded_between_two_pcapng_interfaces_is_read_once()
    {
        IPv6Packet arriving = Crafted.Udp6("2001:db8::10", "2001:db8::1", 500, 500, Ike);
        IPv6Packet leaving = Crafted.Udp6("2001:db8::10", "2001:db8::1", 500, 500, Ike);
        leaving.HopLimit = 63;

        (RecordingSink sink, DecodeSummary summary) = DecodePcapng((0, 0.000, arriving.Bytes), (1, 0.001, leaving.Bytes));

        Assert.Single(sink.Datagrams);
        Assert.Equal(1, summary.InterfaceEchoes);
    }

    [Fact]
    public void Two_datagrams_on_two_pcapng_interfaces_that_differ_in_their_IP_id_are_both_read()
    {
        (RecordingSink sink, DecodeSummary summary) = DecodePcapng(
            (0, 0.000, Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike, id: 7).Bytes),
            (1, 0.001, Forwarded(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike, id: 8))));

        Assert.Equal(2, sink.Datagrams.Count);
        Assert.Equal(0, summary.InterfaceEchoes);
    }

    [Fact]
    public void The_same_packet_twice_in_a_pcap_without_interfaces_is_read_twice()
    {
        // One interface: the second copy is a retransmission or a duplicate, never an echo.
        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode(LinkType.Ethernet,
            [Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike, id: 7)),
             Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike, id: 7))],
            secondsAfterStart: [0.000, 0.001]);

        Assert.Equal(2, sink.Datagrams.Count);
        Assert.Equal(0, summary.InterfaceEchoes);
    }

    [Fact]
    public void A_packet_forwarded_between_two_interfaces_of_a_cooked_v2_pcap_is_read_once()
    {
        // tcpdump -i any: the Linux cooked v2 header names the interface index (bytes 4-7).
        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode(LinkType.LinuxSll2,
            [CookedV2(2, Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike, id: 7).Bytes),
             CookedV2(3, Forwarded(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike, id: 7)))],
            secondsAfterStart: [0.000, 0.001]);

        Assert.Single(sink.Datagrams);
        Assert.Equal(1, summary.InterfaceEchoes);
    }

    /// <summary>The packet as the forwarding host sends it on: one hop older, header checksum redone.</summary>
    private static byte[] Forwarded(IPv4Packet packet)
    {
        packet.TimeToLive = 63;
        packet.UpdateIPChecksum();
        return packet.Bytes;
    }

    private static byte[] CookedV2(int interfaceIndex, byte[] ip)
    {
        byte[] frame = new byte[20 + ip.Length];
        frame[0] = 0x08; // protocol: IPv4
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), interfaceIndex);
        frame[9] = 1; // ARPHRD_ETHER
        frame[11] = 6; // address length
        ip.CopyTo(frame, 20);
        return frame;
    }

    private static (RecordingSink Sink, DecodeSummary Summary) DecodePcapng(params (int Interface, double Seconds, byte[] Ip)[] packets)
    {
        var stream = new MemoryStream();
        using (var writer = new PcapngWriter(stream, leaveOpen: true))
        {
            writer.AddInterface(LinkType.Raw, name: "eth0");
            writer.AddInterface(LinkType.Raw, name: "eth1");
            foreach ((int id, double seconds, byte[] ip) in packets)
            {
                writer.WritePacket(id, Crafted.Start.AddSeconds(seconds), ip);
            }
        }

        stream.Position = 0;
        var sink = new RecordingSink();
        DecodeSummary summary = CaptureDecoder.Decode(new AnalysisInput(0, "crafted.pcapng", "crafted.pcapng", InputKind.Pcapng), stream, sink,
            AnalysisLimits.Default, CancellationToken.None);
        return (sink, summary);
    }
}
