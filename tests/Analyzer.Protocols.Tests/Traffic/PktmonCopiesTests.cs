using Analyzer.Capture;
using Analyzer.Capture.Pcapng;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Protocols.Tests.Traffic;

/// <summary>
/// Windows pktmon records one packet at every component it passes. Constructed captures (packets
/// built with PacketDotNet, written to pcapng as the two pktmon conversions do): <c>pktmon etl2pcap</c>
/// puts every copy on one interface with the record line "PktGroupId …, PktNumber …, Appearance …"
/// as its comment; etl2pcapng gives each component its own interface and the group id as
/// epb_packetid. Either way one packet must be read once, and two real sends read twice.
/// </summary>
public sealed class PktmonCopiesTests
{
    private static readonly byte[] Mm1 = Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage(), id: 7));
    private static readonly byte[] Mm1Resent = Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage(), id: 7));

    private static string Record(ulong group, int number, int appearance, int component, string packetLabel = "PktNumber") =>
        $"PktGroupId {group}, {packetLabel} {number}, Appearance {appearance}, Direction Tx , Type Ethernet , Component {component}, Edge 1, Filter 1, OriginalSize 70, LoggedSize 70";

    private static (RecordingSink Sink, DecodeSummary Summary) Decode(Action<PcapngWriter> write)
    {
        var file = new MemoryStream();
        using (var writer = new PcapngWriter(file, leaveOpen: true))
        {
            write(writer);
        }

        file.Position = 0;
        var sink = new RecordingSink();
        DecodeSummary summary = CaptureDecoder.Decode(new AnalysisInput(0, "pktmon.pcapng", "pktmon.pcapng", InputKind.Pcapng), file, sink,
            AnalysisLimits.Default, CancellationToken.None);
        return (sink, summary);
    }

    [Theory]
    [InlineData("PktNumber")]
    [InlineData("Paketnummer")] // a translated label: only "PktGroupId" is relied on
    public void Pktmon_copies_of_one_packet_at_three_components_on_one_interface_are_read_once_with_a_note(string packetLabel)
    {
        (RecordingSink sink, DecodeSummary summary) = Decode(writer =>
        {
            int nic = writer.AddInterface(LinkType.Ethernet);
            for (int appearance = 1; appearance <= 3; appearance++)
            {
                writer.WritePacket(nic, Crafted.Start.AddSeconds(appearance * 0.000_01), Mm1, comment: Record(562949953421500, 1, appearance, 40 + appearance, packetLabel));
            }
        });

        RecordedDatagram only = Assert.Single(sink.Datagrams);
        Assert.Equal(1, only.Frame);
        Assert.Equal(2, summary.InterfaceEchoes);
        InputDiagnostic note = Assert.Single(sink.Diagnostics, d => d.Message.Contains("pktmon", StringComparison.Ordinal));
        Assert.Equal(2, note.Frame);
        Assert.StartsWith("2 packet(s) were recorded more than once by the capturing host", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_retransmission_under_a_new_pktmon_group_is_read_as_a_second_send()
    {
        (RecordingSink sink, _) = Decode(writer =>
        {
            int nic = writer.AddInterface(LinkType.Ethernet);
            writer.WritePacket(nic, Crafted.Start, Mm1, comment: Record(100, 1, 1, 41));
            writer.WritePacket(nic, Crafted.Start.AddSeconds(0.000_01), Mm1, comment: Record(100, 1, 2, 42));
            writer.WritePacket(nic, Crafted.Start.AddSeconds(0.5), Mm1Resent, comment: Record(101, 1, 1, 41));
        });

        Assert.Equal([1L, 3L], sink.Datagrams.Select(d => d.Frame));
    }

    [Fact]
    public void Two_packets_of_one_pktmon_group_with_different_numbers_are_both_read()
    {
        byte[] other = Crafted.Ethernet(Crafted.Udp4("192.0.2.10", "198.51.100.1", 500, 500, Crafted.IkeMessage(bodyLength: 8), id: 8));
        (RecordingSink sink, _) = Decode(writer =>
        {
            int nic = writer.AddInterface(LinkType.Ethernet);
            writer.WritePacket(nic, Crafted.Start, Mm1, comment: Record(100, 1, 1, 41));
            writer.WritePacket(nic, Crafted.Start.AddSeconds(0.000_01), other, comment: Record(100, 2, 1, 41));
        });

        Assert.Equal(2, sink.Datagrams.Count);
    }

    [Fact]
    public void Etl2pcapng_copies_one_interface_per_component_sharing_an_epb_packetid_are_read_once_as_one_packet()
    {
        (RecordingSink sink, DecodeSummary summary) = Decode(writer =>
        {
            int tcpip = writer.AddInterface(LinkType.Ethernet, name: "TCPIP");
            int nic = writer.AddInterface(LinkType.Ethernet, name: "Intel(R) Ethernet");
            writer.WritePacket(tcpip, Crafted.Start, Mm1, packetId: 562949953421500);
            writer.WritePacket(nic, Crafted.Start.AddSeconds(0.000_02), Mm1, packetId: 562949953421500);
        });

        Assert.Single(sink.Datagrams);
        Assert.Equal(1, summary.InterfaceEchoes);
        Assert.Contains(sink.Diagnostics, d => d.Message.Contains("under one packet id", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Diagnostics, d => d.Message.Contains("a host forwarding between them", StringComparison.Ordinal));
    }
}
