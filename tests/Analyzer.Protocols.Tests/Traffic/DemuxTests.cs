using System.Buffers.Binary;
using Analyzer.Protocols.Traffic;
using PacketDotNet;

namespace Analyzer.Protocols.Tests.Traffic;

public sealed class DemuxTests
{
    [Fact]
    public void A_DNS_reply_to_a_client_that_used_port_4500_is_DNS_not_ESP()
    {
        byte[] dnsAnswer = Convert.FromHexString("1c2f81800001000100000000");

        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode(Crafted.Ethernet(Crafted.Udp4("192.0.2.53", "192.0.2.10", 53, 4500, dnsAnswer)));

        Assert.Empty(sink.Datagrams);
        Assert.Equal(0, summary.Count(TrafficKind.EspInUdp));
        Assert.Equal(1, summary.OtherFrames);
    }

    [Fact]
    public void Port_4500_splits_into_IKE_after_the_non_ESP_marker_keepalive_and_ESP()
    {
        byte[] ike = Crafted.IkeMessage();
        byte[] esp = Convert.FromHexString("c0f7d4c3000000011122334455667788");

        (RecordingSink sink, _) = Crafted.Decode(
            Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 4500, 4500, [0, 0, 0, 0, .. ike])),
            Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 4500, 4500, [0xFF])),
            Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 61000, 4500, esp)));

        Assert.Equal([TrafficKind.IkeNatT, TrafficKind.NatKeepalive, TrafficKind.EspInUdp], sink.Datagrams.Select(d => d.Kind));
        Assert.Equal(ike, sink.Datagrams[0].Payload);
        Assert.Equal(ike.Length, sink.Datagrams[0].WireLength);
        Assert.Equal(esp, sink.Datagrams[2].Payload);
        Assert.Equal("192.0.2.10:61000", sink.Datagrams[2].Source.ToString());
    }

    [Fact]
    public void IKE_on_500_and_L2TP_on_1701_are_delivered_with_their_endpoints()
    {
        byte[] l2tpHello = Convert.FromHexString("c80200140000000000000000800800000000000006");

        (RecordingSink sink, _) = Crafted.Decode(
            Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage(40))),
            Crafted.Ethernet(Crafted.Udp6("2001:db8::10", "2001:db8::1", 1701, 1701, l2tpHello)));

        Assert.Equal([TrafficKind.Ike, TrafficKind.L2tp], sink.Datagrams.Select(d => d.Kind));
        Assert.Equal("[2001:db8::10]:1701", sink.Datagrams[1].Source.ToString());
        Assert.Equal(l2tpHello, sink.Datagrams[1].Payload);
        Assert.All(sink.Datagrams, d => Assert.Equal(DatagramFlags.None, d.Flags));
    }

    [Fact]
    public void Bad_UDP_and_IPv4_header_checksums_are_flagged_not_dropped()
    {
        IPv4Packet badUdp = Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage());
        ((UdpPacket)badUdp.PayloadPacket).Checksum ^= 0x0101;
        IPv4Packet badIp = Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage());
        badIp.Checksum ^= 0x0101;
        IPv4Packet noUdpChecksum = Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage());
        ((UdpPacket)noUdpChecksum.PayloadPacket).Checksum = 0;

        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode(Crafted.Ethernet(badUdp), Crafted.Ethernet(badIp), Crafted.Ethernet(noUdpChecksum));

        Assert.Equal([DatagramFlags.BadTransportChecksum, DatagramFlags.BadIpChecksum, DatagramFlags.None], sink.Datagrams.Select(d => d.Flags));
        Assert.Equal(2, summary.ChecksumErrors);
    }

    [Fact]
    public void ESP_AH_and_GRE_by_protocol_number_start_at_their_own_headers()
    {
        byte[] esp = Convert.FromHexString("12345678000000010102030405060708");
        byte[] ah = Convert.FromHexString("3204000012345678000000010102030405060708090a0b0c");
        byte[] gre = Convert.FromHexString("3001880b0010000100000001ff03c021");

        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode(
            Crafted.Ethernet(Crafted.Ip4("192.0.2.10", "198.51.100.1", ProtocolType.IPSecEncapsulatingSecurityPayload, esp)),
            Crafted.Ethernet(Crafted.Ip4("192.0.2.10", "198.51.100.1", ProtocolType.IPSecAuthenticationHeader, ah)),
            Crafted.Ethernet(Crafted.Ip4("192.0.2.10", "198.51.100.1", ProtocolType.Gre, gre)));

        Assert.Equal([TrafficKind.Esp, TrafficKind.Ah, TrafficKind.Gre], sink.Datagrams.Select(d => d.Kind));
        Assert.Equal([esp, ah, gre], sink.Datagrams.Select(d => d.Payload));
        Assert.Equal(1, summary.Count(TrafficKind.Esp));
    }

    [Fact]
    public void PPTP_control_segments_carry_their_data_and_TCP_sequence()
    {
        byte[] startControl = new byte[156];
        BinaryPrimitives.WriteUInt16BigEndian(startControl, 156);
        BinaryPrimitives.WriteUInt16BigEndian(startControl.AsSpan(2), 1);
        BinaryPrimitives.WriteUInt32BigEndian(startControl.AsSpan(4), 0x1A2B3C4D);
        var tcp = new TcpPacket(49152, 1723) { SequenceNumber = 1000, AcknowledgmentNumber = 1, Push = true, Acknowledgment = true, PayloadData = startControl, WindowSize = 512 };
        var ip = new IPv4Packet(System.Net.IPAddress.Parse("192.0.2.10"), System.Net.IPAddress.Parse("198.51.100.1")) { TimeToLive = 64, PayloadPacket = tcp };
        ip.UpdateCalculatedValues();
        tcp.UpdateCalculatedValues();
        tcp.UpdateTcpChecksum();
        ip.UpdateIPChecksum();

        (RecordingSink sink, _) = Crafted.Decode(Crafted.Ethernet(ip));

        RecordedDatagram datagram = Assert.Single(sink.Datagrams);
        Assert.Equal(TrafficKind.PptpControl, datagram.Kind);
        Assert.Equal(startControl, datagram.Payload);
        Assert.Equal(1000u, datagram.TcpSequence);
        Assert.Equal(DatagramFlags.None, datagram.Flags);
    }
}
