using System.Buffers.Binary;
using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Payloads;
using PacketDotNet;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// Per-message bounds of the parsers (proposals in an IKE SA payload, attributes in a transform, AVPs
/// in an L2TP control message). No daemon sends that many, so a real lab message is grown past the
/// bound (synthetic, rebuilt with PacketDotNet, every other frame of the capture left as captured) and
/// sent twice: the capture must get exactly one warning naming it and the first frame.
/// </summary>
public sealed class MessageBoundTests : IDisposable
{
    private const int IsakmpHeaderLength = 28;
    private const int L2tpControlHeaderLength = 12;
    private const int UdpPacketHeaderLength = 8;
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-bounds-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void IKE_SA_payload_with_more_proposals_than_the_bound_leaves_one_warning_at_its_first_frame()
    {
        // Aggressive Mode message 1 (frame 3) offers one proposal: offered 65 times here.
        string crafted = Rewrite("captures/aggressive-psk/client.pcap", 3, isakmp => GrowSa(isakmp, (proposal, _) =>
        {
            var chain = new List<byte>();
            for (int i = 0; i <= SecurityAssociationReader.MaxProposals; i++)
            {
                byte[] copy = proposal.ToArray();
                copy[0] = i < SecurityAssociationReader.MaxProposals ? (byte)2 : (byte)0;   // next: another proposal, then none
                chain.AddRange(copy);
            }

            return [.. chain];
        }));

        AssertOneWarningAtFrame(crafted, $"has more than {SecurityAssociationReader.MaxProposals} proposals", 3);
    }

    [Fact]
    public void IKE_transform_with_more_attributes_than_the_bound_leaves_one_warning_at_its_first_frame()
    {
        // The proposal's transform keeps its real attributes, repeated until there are more than the bound.
        string crafted = Rewrite("captures/aggressive-psk/client.pcap", 3, isakmp => GrowSa(isakmp, (proposal, transformAt) =>
        {
            ReadOnlySpan<byte> transform = proposal.AsSpan(transformAt);
            int transformLength = BinaryPrimitives.ReadUInt16BigEndian(transform[2..]);
            ReadOnlySpan<byte> attributes = transform[8..transformLength];
            var run = new List<byte>();
            int count = 0;
            while (count <= AttributeReader.MaxAttributes)
            {
                run.AddRange(attributes.ToArray());
                count += CountAttributes(attributes);
            }

            byte[] grown = [.. proposal[..transformAt], .. transform[..8], .. run];
            BinaryPrimitives.WriteUInt16BigEndian(grown.AsSpan(2), (ushort)grown.Length);
            BinaryPrimitives.WriteUInt16BigEndian(grown.AsSpan(transformAt + 2), (ushort)(8 + run.Count));
            grown[transformAt] = 0;
            return grown;
        }));

        AssertOneWarningAtFrame(crafted, $"has more than {AttributeReader.MaxAttributes} attributes", 3);
    }

    [Fact]
    public void L2TP_control_message_with_more_AVPs_than_the_bound_leaves_one_warning_at_its_first_frame()
    {
        // The SCCRQ (frame 3) keeps its Message Type AVP first, then its other real AVPs repeated.
        string crafted = Rewrite("captures/l2tp-without-ipsec/client.pcap", 3, l2tp =>
        {
            int firstLength = BinaryPrimitives.ReadUInt16BigEndian(l2tp.AsSpan(L2tpControlHeaderLength)) & 0x3FF;
            byte[] others = l2tp[(L2tpControlHeaderLength + firstLength)..];
            int perCopy = CountAvps(others);
            var message = new List<byte>(l2tp[..(L2tpControlHeaderLength + firstLength)]);
            for (int count = 1; count <= 256; count += perCopy)
            {
                message.AddRange(others);
            }

            byte[] grown = [.. message];
            BinaryPrimitives.WriteUInt16BigEndian(grown.AsSpan(2), (ushort)grown.Length);
            return grown;
        });

        AssertOneWarningAtFrame(crafted, "an L2TP control message has more than 256 AVPs", 3);
    }

    private static void AssertOneWarningAtFrame(string crafted, string words, long frame)
    {
        List<InputDiagnostic> diagnostics = CaptureRun.Diagnostics(crafted, AnalysisLimits.Default);
        InputDiagnostic warning = Assert.Single(diagnostics, d => d.Message.Contains(words, StringComparison.Ordinal));
        Assert.Equal("crafted.pcap", warning.Input);
        Assert.Equal(frame, warning.Frame);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
    }

    /// <summary>
    /// The ISAKMP message with its first payload (the SA) rebuilt by <paramref name="grow"/> from the SA's
    /// first proposal and the offset of that proposal's first transform; the rest of the chain follows unchanged.
    /// </summary>
    private static byte[] GrowSa(byte[] isakmp, Func<byte[], int, byte[]> grow)
    {
        Assert.Equal(1, isakmp[16]);   // first payload: SA
        int saLength = BinaryPrimitives.ReadUInt16BigEndian(isakmp.AsSpan(IsakmpHeaderLength + 2));
        int proposalAt = IsakmpHeaderLength + 4 + 8;                     // generic header, DOI, situation
        int proposalLength = BinaryPrimitives.ReadUInt16BigEndian(isakmp.AsSpan(proposalAt + 2));
        byte[] proposal = isakmp[proposalAt..(proposalAt + proposalLength)];
        byte[] proposals = grow(proposal, 8 + proposal[6]);              // fixed part, then the SPI
        byte[] message = [.. isakmp[..proposalAt], .. proposals, .. isakmp[(IsakmpHeaderLength + saLength)..]];
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(IsakmpHeaderLength + 2), (ushort)(4 + 8 + proposals.Length));
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(24), (uint)message.Length);
        return message;
    }

    private static int CountAttributes(ReadOnlySpan<byte> run)
    {
        int count = 0;
        for (int offset = 0; offset < run.Length; count++)
        {
            bool tv = (run[offset] & 0x80) != 0;
            offset += 4 + (tv ? 0 : BinaryPrimitives.ReadUInt16BigEndian(run[(offset + 2)..]));
        }

        return count;
    }

    private static int CountAvps(ReadOnlySpan<byte> avps)
    {
        int count = 0;
        for (int offset = 0; offset < avps.Length; count++)
        {
            offset += BinaryPrimitives.ReadUInt16BigEndian(avps[offset..]) & 0x3FF;
        }

        return count;
    }

    /// <summary>
    /// Copies a lab capture with frame <paramref name="number"/>'s UDP payload replaced by
    /// <paramref name="rewrite"/>'s result (IP and UDP lengths and checksums recomputed), and that frame
    /// once more at the end.
    /// </summary>
    private string Rewrite(string sample, long number, Func<byte[], byte[]> rewrite)
    {
        string path = Path.Combine(_temp, "crafted.pcap");
        byte[]? replaced = null;
        Timestamp last = default;
        using (CaptureReader reader = CaptureReader.Open(HostileSamples.Sample(sample)))
        using (var writer = new PcapWriter(File.Create(path), LinkType.Ethernet))
        {
            while (reader.TryReadFrame(out CapturedFrame frame))
            {
                Assert.Equal(LinkType.Ethernet, frame.LinkType);
                byte[] data = frame.Data.ToArray();
                if (frame.Number == number)
                {
                    data = replaced = Rebuild(data, rewrite);
                }

                writer.WritePacket(frame.Time, data);
                last = frame.Time;
            }

            Assert.NotNull(replaced);
            writer.WritePacket(last.AddSeconds(1), replaced);
        }

        return path;
    }

    private static byte[] Rebuild(byte[] ethernetFrame, Func<byte[], byte[]> rewrite)
    {
        var original = (EthernetPacket)Packet.ParsePacket(LinkLayers.Ethernet, ethernetFrame);
        IPv4Packet ip4 = original.Extract<IPv4Packet>();
        UdpPacket udp = original.Extract<UdpPacket>();
        // PacketDotNet parses UDP 1701 further (L2TP), so the payload is taken as bytes after the UDP header.
        byte[] payload = udp.Bytes.AsSpan(UdpPacketHeaderLength, udp.Length - UdpPacketHeaderLength).ToArray();
        var newUdp = new UdpPacket(udp.SourcePort, udp.DestinationPort) { PayloadData = rewrite(payload) };
        var newIp = new IPv4Packet(ip4.SourceAddress, ip4.DestinationAddress) { TimeToLive = ip4.TimeToLive, Id = ip4.Id, PayloadPacket = newUdp };
        newIp.UpdateCalculatedValues();
        newUdp.UpdateCalculatedValues();
        newUdp.UpdateUdpChecksum();
        newIp.UpdateIPChecksum();
        return new EthernetPacket(original.SourceHardwareAddress, original.DestinationHardwareAddress, EthernetType.IPv4) { PayloadPacket = newIp }.Bytes;
    }
}
