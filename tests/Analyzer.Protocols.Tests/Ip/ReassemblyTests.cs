using System.Buffers.Binary;
using Analyzer.Capture;
using Analyzer.Core;
using Analyzer.Protocols.Tests.Traffic;
using Analyzer.Protocols.Traffic;
using PacketDotNet;

namespace Analyzer.Protocols.Tests.Ip;

/// <summary>Fragmented IKE messages (certificates make them large), built with PacketDotNet.</summary>
public sealed class ReassemblyTests
{
    private static (byte[] Message, List<IPv4Packet> Fragments) FragmentedIke(ushort id = 7, int bodyLength = 3000)
    {
        byte[] message = Crafted.IkeMessage(bodyLength);
        IPv4Packet whole = Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, message, id);
        return (message, Crafted.Fragment(whole, 1480));
    }

    /// <summary>Frames holding only the first fragment of IKE datagrams with ids 1..count: none completes.</summary>
    private static List<byte[]> FirstFragmentsOnly(int count)
    {
        var frames = new List<byte[]>();
        for (ushort id = 1; id <= count; id++)
        {
            frames.Add(Crafted.Ethernet(FragmentedIke(id).Fragments[0]));
        }

        return frames;
    }

    [Fact]
    public void Fragments_arriving_last_first_rebuild_one_IKE_datagram_at_the_completing_frame()
    {
        (byte[] message, List<IPv4Packet> fragments) = FragmentedIke();
        fragments.Reverse();

        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode([.. fragments.Select(Crafted.Ethernet)]);

        RecordedDatagram datagram = Assert.Single(sink.Datagrams);
        Assert.Equal(TrafficKind.Ike, datagram.Kind);
        Assert.Equal(message, datagram.Payload);
        Assert.Equal(3, datagram.FragmentCount);
        Assert.Equal(3, datagram.Frame);
        Assert.Equal(DatagramFlags.Reassembled, datagram.Flags);
        Assert.Equal(1, summary.ReassembledDatagrams);
        Assert.Empty(sink.Incomplete);
    }

    [Fact]
    public void A_missing_middle_fragment_is_reported_with_the_fragments_and_ranges_that_arrived()
    {
        (byte[] message, List<IPv4Packet> fragments) = FragmentedIke();
        fragments.RemoveAt(1);

        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode([.. fragments.Select(Crafted.Ethernet)]);

        Assert.Empty(sink.Datagrams);
        IncompleteIpDatagram incomplete = Assert.Single(sink.Incomplete);
        Assert.Equal(17, incomplete.Protocol);
        Assert.Equal("192.0.2.10:500", incomplete.Source.ToString());
        Assert.Equal([1L, 2L], incomplete.Fragments.Select(f => f.Frame));
        Assert.Equal([(0, 1480), (2960, message.Length + 8)], incomplete.ReceivedRanges);
        Assert.Equal(message.Length + 8, incomplete.TotalLength);
        Assert.Equal(message.AsSpan(0, 56).ToArray(), incomplete.FirstBytes.AsSpan(8).ToArray());
        Assert.Equal(7, incomplete.Identification);
        Assert.Equal(1, summary.IncompleteDatagrams);
    }

    [Fact]
    public void A_datagram_older_than_the_timeout_is_given_up_before_the_capture_ends()
    {
        (_, List<IPv4Packet> fragments) = FragmentedIke();
        IPv4Packet later = Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage());

        (RecordingSink sink, _) = Crafted.Decode(LinkType.Ethernet, [Crafted.Ethernet(fragments[0]), Crafted.Ethernet(later)],
            new AnalysisLimits { ReassemblyTimeoutSeconds = 30 }, [0, 45]);

        Assert.Equal("reassembly timed out", Assert.Single(sink.Incomplete).Reason);
        Assert.Contains(sink.Diagnostics, d => d.Message.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public void Datagrams_in_flight_beyond_the_limit_evict_the_oldest_with_a_warning()
    {
        List<byte[]> frames = FirstFragmentsOnly(3);

        (RecordingSink sink, _) = Crafted.Decode(LinkType.Ethernet, frames, new AnalysisLimits { MaxFragmentedDatagramsInFlight = 2 });

        Assert.Equal([1, 2, 3], sink.Incomplete.Select(i => (int)i.Identification));
        Assert.Contains(sink.Diagnostics, d => d.Message.Contains("limit", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Reassembly_bytes_beyond_the_limit_evict_the_oldest_with_a_warning_naming_the_capture_and_offset()
    {
        // Three large IKE messages (certificate-sized), each cut in 1480-byte fragments; only their
        // first fragments arrive. Each holds a pooled 2 KB buffer plus its 20-byte IP header (the limit
        // counts memory held, not payload), so 5000 bytes admit two of them and the third evicts the first.
        List<byte[]> frames = FirstFragmentsOnly(3);

        (RecordingSink sink, _) = Crafted.Decode(LinkType.Ethernet, frames, new AnalysisLimits { MaxReassemblyBytes = 5000 });

        InputDiagnostic warning = Assert.Single(sink.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal("crafted.pcap", warning.Input);
        Assert.Equal(3, warning.Frame);
        long thirdRecord = 24 + (2 * (16 + frames[0].Length));   // pcap header, then two records
        Assert.Equal(thirdRecord, warning.Offset);
        Assert.Contains("5000-byte reassembly buffer limit", warning.Message, StringComparison.Ordinal);
        Assert.Contains("crafted.pcap: offset 0x", warning.ToString(), StringComparison.Ordinal);
        IncompleteIpDatagram evicted = sink.Incomplete[0];
        Assert.Equal(1, evicted.Identification);
        Assert.Equal("the reassembly memory limit was reached", evicted.Reason);
    }

    [Fact]
    public void Fragments_of_background_traffic_keep_no_bytes_and_are_never_reported()
    {
        IPv4Packet nfs = Crafted.Udp4("192.0.2.20", "192.0.2.21", 2049, 800, new byte[4000], 9);
        List<IPv4Packet> fragments = Crafted.Fragment(nfs, 1480);
        fragments.RemoveAt(2);

        (RecordingSink sink, DecodeSummary summary) = Crafted.Decode([.. fragments.Select(Crafted.Ethernet)]);

        Assert.Empty(sink.Datagrams);
        Assert.Empty(sink.Incomplete);
        Assert.Equal(2, summary.OtherFrames);
    }

    [Fact]
    public void Fragmented_ESP_by_protocol_number_is_reassembled()
    {
        byte[] esp = new byte[2500];
        BinaryPrimitives.WriteUInt32BigEndian(esp, 0xC0FFEE01);
        IPv4Packet whole = Crafted.Ip4("192.0.2.10", "198.51.100.1", ProtocolType.IPSecEncapsulatingSecurityPayload, esp, 99);

        (RecordingSink sink, _) = Crafted.Decode([.. Crafted.Fragment(whole, 1480).Select(Crafted.Ethernet)]);

        RecordedDatagram datagram = Assert.Single(sink.Datagrams);
        Assert.Equal(TrafficKind.Esp, datagram.Kind);
        Assert.Equal(esp, datagram.Payload);
        Assert.Equal(2, datagram.FragmentCount);
    }

    [Fact]
    public void IPv6_fragments_behind_a_hop_by_hop_header_rebuild_the_IKE_message()
    {
        byte[] message = Crafted.IkeMessage(2000);
        byte[] udp = Crafted.Udp6("2001:db8::10", "2001:db8::1", 500, 500, message).PayloadPacket.Bytes;
        var frames = new List<byte[]>();
        const uint id = 0xABCDEF01;
        for (int offset = 0; offset < udp.Length; offset += 1232)
        {
            int length = Math.Min(1232, udp.Length - offset);
            bool more = offset + length < udp.Length;
            frames.Add(Ipv6Fragment(udp.AsSpan(offset, length), offset, more, id));
        }

        (RecordingSink sink, _) = Crafted.Decode(LinkType.Raw, frames);

        RecordedDatagram datagram = Assert.Single(sink.Datagrams);
        Assert.Equal(TrafficKind.Ike, datagram.Kind);
        Assert.Equal(message, datagram.Payload);
        Assert.Equal("[2001:db8::10]:500", datagram.Source.ToString());
        Assert.Equal(DatagramFlags.Reassembled, datagram.Flags);
    }

    /// <summary>IPv6 header, an 8-byte Hop-by-Hop header (PadN), a Fragment header, then the fragment: hand-built, PacketDotNet has no fragment builder.</summary>
    private static byte[] Ipv6Fragment(ReadOnlySpan<byte> data, int offset, bool more, uint id)
    {
        byte[] packet = new byte[40 + 8 + 8 + data.Length];
        packet[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)(16 + data.Length));
        packet[6] = 0;   // next: Hop-by-Hop
        packet[7] = 64;
        System.Net.IPAddress.Parse("2001:db8::10").GetAddressBytes().CopyTo(packet, 8);
        System.Net.IPAddress.Parse("2001:db8::1").GetAddressBytes().CopyTo(packet, 24);
        packet[40] = 44; // next: Fragment
        packet[41] = 0;
        packet[42] = 1;  // PadN, 4 bytes
        packet[43] = 4;
        packet[48] = 17; // next: UDP
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(50), (ushort)(offset | (more ? 1 : 0)));
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(52), id);
        data.CopyTo(packet.AsSpan(56));
        return packet;
    }
}
