using System.Buffers.Binary;
using Analyzer.Capture;
using Analyzer.Protocols.Tests.Traffic;
using Analyzer.Protocols.Traffic;
using PacketDotNet;

namespace Analyzer.Protocols.Tests.Link;

/// <summary>
/// The same IKE packet behind each link layer a customer capture may use. The IP/UDP part comes
/// from PacketDotNet; the link headers PacketDotNet cannot build are prefixed by hand.
/// </summary>
public sealed class LinkLayerTests
{
    private static readonly byte[] Ike = Crafted.IkeMessage(16);

    private static byte[] Ip4() => Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike).Bytes;

    private static byte[] Ip6() => Crafted.Udp6("2001:db8::10", "2001:db8::1", 500, 500, Ike).Bytes;

    public static TheoryData<string, LinkType, byte[]> Frames()
    {
        byte[] ip4 = Ip4();
        byte[] ip6 = Ip6();
        byte[] macs = Convert.FromHexString("020000000002020000000001");
        return new TheoryData<string, LinkType, byte[]>
        {
            { "Ethernet", LinkType.Ethernet, Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike)) },
            { "802.1Q", LinkType.Ethernet, [.. macs, 0x81, 0x00, 0x00, 0x64, 0x08, 0x00, .. ip4] },
            { "QinQ", LinkType.Ethernet, [.. macs, 0x88, 0xA8, 0x00, 0x0A, 0x81, 0x00, 0x00, 0x64, 0x86, 0xDD, .. ip6] },
            { "802.3 SNAP", LinkType.Ethernet, [.. macs, 0x05, 0x00, 0xAA, 0xAA, 0x03, 0x00, 0x00, 0x00, 0x08, 0x00, .. ip4] },
            { "PPPoE session with IPv4", LinkType.Ethernet, [.. macs, 0x88, 0x64, 0x11, 0x00, 0x12, 0x34, .. Be16(ip4.Length + 2), 0x00, 0x21, .. ip4] },
            { "Linux SLL", LinkType.LinuxSll, [0x00, 0x04, 0x00, 0x01, 0x00, 0x06, .. macs[..6], 0x00, 0x00, 0x08, 0x00, .. ip4] },
            { "Linux SLL2", LinkType.LinuxSll2, [0x86, 0xDD, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x04, 0x06, .. macs[..6], 0x00, 0x00, .. ip6] },
            { "raw IPv4", LinkType.Raw, ip4 },
            { "raw IPv6 (DLT 14)", LinkType.RawBsd14, ip6 },
            { "LINKTYPE_IPV4", LinkType.Ipv4, ip4 },
            { "BSD NULL little-endian", LinkType.Null, [0x02, 0x00, 0x00, 0x00, .. ip4] },
            { "BSD NULL big-endian IPv6", LinkType.Null, [0x00, 0x00, 0x00, 0x1E, .. ip6] },
            { "OpenBSD LOOP", LinkType.Loop, [0x00, 0x00, 0x00, 0x02, .. ip4] },
            { "PPP in HDLC framing", LinkType.Ppp, [0xFF, 0x03, 0x00, 0x21, .. ip4] },
            { "PPP with direction", LinkType.PppWithDirection, [0x01, 0xFF, 0x03, 0x00, 0x57, .. ip6] },
            { "Cisco HDLC", LinkType.CiscoHdlc, [0x0F, 0x00, 0x08, 0x00, .. ip4] },
        };
    }

    [Theory]
    [MemberData(nameof(Frames))]
    public void IKE_is_found_behind_every_supported_link_layer(string name, LinkType linkType, byte[] frame)
    {
        (RecordingSink sink, _) = Crafted.Decode(linkType, [frame]);

        RecordedDatagram datagram = Assert.Single(sink.Datagrams);
        Assert.Equal(TrafficKind.Ike, datagram.Kind);
        Assert.Equal(Ike, datagram.Payload);
        Assert.Equal(500, datagram.Destination.Port);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void PPP_control_inside_PPPoE_is_delivered_from_the_protocol_field()
    {
        byte[] lcpEchoRequest = [0xC0, 0x21, 0x09, 0x01, 0x00, 0x08, 0x12, 0x34, 0x56, 0x78];
        byte[] frame = [.. Convert.FromHexString("020000000002020000000001"), 0x88, 0x64, 0x11, 0x00, 0x00, 0x01, .. Be16(lcpEchoRequest.Length), .. lcpEchoRequest];

        (RecordingSink sink, _) = Crafted.Decode(LinkType.Ethernet, [frame]);

        RecordedDatagram datagram = Assert.Single(sink.Datagrams);
        Assert.Equal(TrafficKind.Ppp, datagram.Kind);
        Assert.Equal(lcpEchoRequest, datagram.Payload);
    }

    [Fact]
    public void ARP_and_unknown_link_types_are_counted_as_other_traffic()
    {
        var arp = new EthernetPacket(System.Net.NetworkInformation.PhysicalAddress.Parse("02-00-00-00-00-01"),
            System.Net.NetworkInformation.PhysicalAddress.Parse("FF-FF-FF-FF-FF-FF"), EthernetType.Arp)
        { PayloadData = new byte[28] };

        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode(LinkType.Ethernet, [arp.Bytes]);
        (_, DecodeSummary unknown) = Crafted.Decode((LinkType)147, [Ip4()]);

        Assert.Empty(sink.Datagrams);
        Assert.Equal(1, summary.OtherFrames);
        Assert.Equal(1, unknown.OtherFrames);
    }

    [Fact]
    public void A_frame_cut_inside_its_IP_header_is_counted_undecodable_with_a_diagnostic()
    {
        byte[] frame = Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Ike));
        frame[14] = 0x4F; // IHL 15: 60-byte header, longer than the packet's first bytes allow once cut
        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode(LinkType.Ethernet, [frame[..40]]);

        Assert.Empty(sink.Datagrams);
        Assert.Equal(1, summary.UndecodableFrames);
        Assert.Equal(1, Assert.Single(sink.Diagnostics).Frame);
    }

    private static byte[] Be16(int value)
    {
        byte[] bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)value);
        return bytes;
    }
}
