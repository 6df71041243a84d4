using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ledger;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ledger;

public class PacketLedgerTests
{
    private static PacketLedger LedgerOf(string sharedCapture, AnalysisLimits? limits = null)
    {
        string path = RepoPaths.RequireShared(Path.Combine("captures", sharedCapture));
        TsharkCapture capture = TsharkTraffic.Read(path);
        var ledger = new PacketLedger(new AnalysisInput(0, path, sharedCapture, InputKind.Pcap), limits ?? AnalysisLimits.Default);
        TsharkTraffic.Feed(capture, 0, (in VpnDatagram d) => ledger.Observe(d));
        return ledger;
    }

    [Fact]
    public void Every_ike_and_esp_packet_tshark_sees_gets_one_entry_with_its_protocol()
    {
        PacketLedger ledger = LedgerOf("scapy/ikev2_nat_t.pcapng");
        string path = RepoPaths.RequireShared("captures/scapy/ikev2_nat_t.pcapng");
        int udp500 = Count(path, "udp.port == 500");
        int esp = Count(path, "esp");
        int ike4500 = Count(path, "udp.port == 4500 && isakmp");

        Assert.Equal(udp500 + esp + ike4500, ledger.Entries.Count);
        Assert.Equal(esp, ledger.Entries.Count(e => e.Protocol == LedgerProtocol.Esp && e.Has(LedgerEntryFlags.UdpEncapsulated)));
        Assert.Equal(udp500, ledger.Entries.Count(e => e.Protocol == LedgerProtocol.Udp500));
        Assert.Equal(ike4500, ledger.Entries.Count(e => e.Protocol == LedgerProtocol.Udp4500));
    }

    [Fact]
    public void Esp_packets_are_keyed_by_spi_and_sequence_number()
    {
        PacketLedger ledger = LedgerOf("tcpdump/02-sunrise-sunset-esp.pcap");

        Assert.All(ledger.Entries, e => Assert.Equal(0x12345678UL, e.Identity));
        Assert.Equal(ledger.Entries.Count, ledger.Entries.Select(e => e.MatchKey).Distinct().Count());
        Assert.All(ledger.Entries, e => Assert.Equal(0x12345678U, BinaryPrimitives.ReadUInt32BigEndian(ledger.BytesOf(e))));
    }

    [Fact]
    public void Ikev1_messages_know_whether_the_initiator_sent_them()
    {
        PacketLedger ledger = LedgerOf("suricata-verify/ikev1-isakmp-main-mode.pcap");
        NetAddress initiator = NetAddress.Parse("192.168.12.1");

        Assert.All(ledger.Entries, e =>
        {
            bool fromInitiator = ledger.FlowOf(e).Source.Address == initiator;
            Assert.Equal(fromInitiator, e.Has(LedgerEntryFlags.FromInitiator));
            Assert.Equal(!fromInitiator, e.Has(LedgerEntryFlags.FromResponder));
        });
        Assert.Single(ledger.Entries.Select(e => e.Identity).Distinct());
    }

    [Fact]
    public void Ikev1_messages_each_have_their_own_key_within_their_direction()
    {
        // Quick Mode 1 and 2 have equal headers (same length, message id, flags): only the direction tells them apart.
        PacketLedger ledger = LedgerOf("suricata-verify/ikev1-isakmp-main-mode.pcap");

        Assert.Equal(ledger.Entries.Count, ledger.Entries.Select(e => (e.MatchKey, ledger.FlowOf(e).Source)).Distinct().Count());
        Assert.All(ledger.Entries, e => Assert.Equal(e.WireLength, ledger.BytesOf(e).Length));
    }

    [Fact]
    public void Entry_cap_stops_recording_and_says_so_once()
    {
        PacketLedger ledger = LedgerOf("scapy/ikev2_nat_t.pcapng", new AnalysisLimits { MaxLedgerEntries = 5 });

        Assert.Equal(5, ledger.Entries.Count);
        Assert.Single(ledger.Diagnostics);
        Assert.Equal(ledger.Entries[^1].Time, ledger.RecordedUntil);
    }

    [Fact]
    public void Spent_byte_budget_keeps_hashes_but_no_bytes()
    {
        PacketLedger ledger = LedgerOf("scapy/ikev2_nat_t.pcapng", new AnalysisLimits { MaxLedgerBytes = 2000 });

        Assert.Contains(ledger.Entries, e => e.Has(LedgerEntryFlags.BytesNotKept) && e.BytesLength == 0 && e.ContentHash != 0);
        Assert.True(ledger.Entries.Sum(e => (long)e.BytesLength) <= 2000);
        Assert.Single(ledger.Diagnostics);
    }

    [Fact]
    public void Incomplete_datagram_with_an_ike_header_gets_the_key_of_the_complete_message()
    {
        // Synthetic: the first fragment of a real Main Mode message, as a far end that lost the rest would hold it.
        PacketLedger ledger = LedgerOf("zeek-spicy-ipsec/ikev1-certs.pcap");
        LedgerEntry large = ledger.Entries.First(e => e.WireLength > 1500);
        LedgerFlow flow = ledger.FlowOf(large);
        byte[] first = new byte[64];
        BinaryPrimitives.WriteUInt16BigEndian(first, flow.Source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(first.AsSpan(2), flow.Destination.Port);
        ledger.BytesOf(large)[..56].CopyTo(first.AsSpan(8));

        ledger.ObserveIncomplete(new IncompleteIpDatagram(17, flow.Source, flow.Destination, 0x1234,
            [new FrameRef(0, 99, large.Time)], [(0, 1480)], null, first));

        LedgerEntry partial = ledger.Entries[^1];
        Assert.Equal(LedgerProtocol.IpFragments, partial.Protocol);
        Assert.True(partial.Has(LedgerEntryFlags.Incomplete));
        Assert.Equal(large.MatchKey, partial.MatchKey);
        Assert.Equal(large.Identity, partial.Identity);
    }

    [Theory]
    [InlineData("scapy/ikev2_nat_t.pcapng")]
    [InlineData("zeek-spicy-ipsec/ikev1-certs.pcap")]
    [InlineData("tcpdump/02-sunrise-sunset-esp.pcap")]
    [InlineData("suricata-verify/ikev1-isakmp-main-mode.pcap")]
    public void Decoder_fed_ledger_matches_the_tshark_fed_one_entry_by_entry(string sharedCapture)
    {
        PacketLedger oracle = LedgerOf(sharedCapture);
        string path = RepoPaths.RequireShared(Path.Combine("captures", sharedCapture));
        PacketLedger decoded = DecodedCapture.Reconstruct(path, displayName: sharedCapture).Ledger!;

        Assert.Equal(
            oracle.Entries.Select(e => (e.Frame.Frame, e.Protocol, e.MatchKey, e.ContentHash, e.HopLimit, oracle.FlowOf(e))),
            decoded.Entries.Select(e => (e.Frame.Frame, e.Protocol, e.MatchKey, e.ContentHash, e.HopLimit, decoded.FlowOf(e))));
    }

    [Theory]
    [InlineData("scapy/ikev2_nat_t.pcapng")]
    [InlineData("packetnet/l2tp.pcap")]
    [InlineData("tcpdump/l2tp-avp-overflow.pcap")]
    [InlineData("tcpdump/isakmp-pointer-loop.pcap")]
    public void Every_truncation_and_byte_flip_of_real_payloads_is_fingerprinted_without_error(string sharedCapture)
    {
        // Mutations of real packets (synthetic by construction): the ledger reads headers from untrusted bytes.
        string path = RepoPaths.RequireShared(Path.Combine("captures", sharedCapture));
        TsharkCapture capture = TsharkTraffic.Read(path);
        var ledger = new PacketLedger(new AnalysisInput(0, path, sharedCapture, InputKind.Pcap), AnalysisLimits.Default);
        int observed = 0;
        foreach (TsharkPacket packet in capture.Packets.Take(8))
        {
            byte[] bytes = packet.Payload;
            for (int length = 0; length <= Math.Min(bytes.Length, 64); length++)
            {
                Observe(packet with { Payload = bytes[..length] });
                observed++;
            }

            for (int i = 0; i < Math.Min(bytes.Length, 40); i++)
            {
                byte[] flipped = (byte[])bytes.Clone();
                flipped[i] ^= 0xFF;
                Observe(packet with { Payload = flipped });
                observed++;
            }
        }

        Assert.Equal(observed, ledger.Entries.Count);
        Assert.All(ledger.Entries, e => Assert.Equal(e.BytesLength, ledger.BytesOf(e).Length));

        void Observe(TsharkPacket p) => TsharkTraffic.Feed(new TsharkCapture([p], null, null), 0, (in VpnDatagram d) => ledger.Observe(d));
    }

    private static int Count(string path, string filter) =>
        Tshark.Run(path, ["-Y", filter, "-T", "fields", "-e", "frame.number"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}
