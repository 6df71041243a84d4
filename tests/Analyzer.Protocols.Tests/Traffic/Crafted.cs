using System.Net;
using System.Net.NetworkInformation;
using Analyzer.Capture;
using Analyzer.Capture.Pcap;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using PacketDotNet;

namespace Analyzer.Protocols.Tests.Traffic;

/// <summary>
/// Synthetic packets for edge cases no lab daemon produces on demand (odd link types, fragments,
/// bad checksums), built with PacketDotNet around a payload, written as a pcap and decoded.
/// </summary>
public static class Crafted
{
    public static readonly Timestamp Start = new(1_764_000_000_000_000_000, 6);

    private static readonly PhysicalAddress ClientMac = PhysicalAddress.Parse("02-00-00-00-00-01");
    private static readonly PhysicalAddress ServerMac = PhysicalAddress.Parse("02-00-00-00-00-02");

    /// <summary>An IKEv1 header (28 bytes) followed by <paramref name="bodyLength"/> filler bytes, with a correct length field.</summary>
    public static byte[] IkeMessage(int bodyLength = 0)
    {
        byte[] message = new byte[28 + bodyLength];
        Random.Shared.NextBytes(message.AsSpan(0, 8));
        message[16] = 1;          // next payload: SA
        message[17] = 0x10;       // version 1.0
        message[18] = 2;          // Identity Protection (Main Mode)
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(24), (uint)message.Length);
        for (int i = 28; i < message.Length; i++)
        {
            message[i] = (byte)i;
        }

        return message;
    }

    public static IPv4Packet Udp4(string source, string destination, ushort sourcePort, ushort destinationPort, byte[] payload, ushort id = 1)
    {
        var udp = new UdpPacket(sourcePort, destinationPort) { PayloadData = payload };
        var ip = new IPv4Packet(IPAddress.Parse(source), IPAddress.Parse(destination)) { TimeToLive = 64, Id = id };
        ip.PayloadPacket = udp;
        ip.UpdateCalculatedValues();
        udp.UpdateCalculatedValues();
        udp.UpdateUdpChecksum();
        ip.UpdateIPChecksum();
        return ip;
    }

    public static IPv6Packet Udp6(string source, string destination, ushort sourcePort, ushort destinationPort, byte[] payload)
    {
        var udp = new UdpPacket(sourcePort, destinationPort) { PayloadData = payload };
        var ip = new IPv6Packet(IPAddress.Parse(source), IPAddress.Parse(destination)) { HopLimit = 64 };
        ip.PayloadPacket = udp;
        ip.UpdateCalculatedValues();
        udp.UpdateCalculatedValues();
        udp.UpdateUdpChecksum();
        return ip;
    }

    /// <summary>An IPv4 packet of another protocol (ESP, AH, GRE…) with raw payload bytes.</summary>
    public static IPv4Packet Ip4(string source, string destination, ProtocolType protocol, byte[] payload, ushort id = 1)
    {
        var ip = new IPv4Packet(IPAddress.Parse(source), IPAddress.Parse(destination))
        {
            TimeToLive = 64,
            Id = id,
            Protocol = protocol,
            PayloadData = payload,
        };
        ip.UpdateCalculatedValues();
        ip.UpdateIPChecksum();
        return ip;
    }

    /// <summary>Splits an IPv4 packet's payload into fragments of <paramref name="size"/> bytes (a multiple of 8).</summary>
    public static List<IPv4Packet> Fragment(IPv4Packet whole, int size)
    {
        byte[] payload = whole.PayloadPacket?.Bytes ?? whole.PayloadData;
        var fragments = new List<IPv4Packet>();
        for (int offset = 0; offset < payload.Length; offset += size)
        {
            int length = Math.Min(size, payload.Length - offset);
            bool more = offset + length < payload.Length;
            var ip = new IPv4Packet(whole.SourceAddress, whole.DestinationAddress)
            {
                TimeToLive = whole.TimeToLive,
                Id = whole.Id,
                Protocol = whole.Protocol,
                PayloadData = payload.AsSpan(offset, length).ToArray(),
                FragmentOffset = offset / 8,
                FragmentFlags = (byte)(more ? 0x1 : 0x0),
            };
            ip.UpdateCalculatedValues();
            ip.UpdateIPChecksum();
            fragments.Add(ip);
        }

        return fragments;
    }

    public static byte[] Ethernet(Packet ip)
    {
        var ethernet = new EthernetPacket(ClientMac, ServerMac, ip is IPv6Packet ? EthernetType.IPv6 : EthernetType.IPv4) { PayloadPacket = ip };
        return ethernet.Bytes;
    }

    /// <summary>Writes frames into a pcap (one second apart unless times are given) and decodes it.</summary>
    public static (RecordingSink Sink, DecodeSummary Summary) Decode(LinkType linkType, IEnumerable<byte[]> frames, AnalysisLimits? limits = null,
        IEnumerable<double>? secondsAfterStart = null)
    {
        string path = Path.Combine(Path.GetTempPath(), "vpndiag-" + Guid.NewGuid().ToString("N") + ".pcap");
        try
        {
            using (var writer = new PcapWriter(File.Create(path), linkType))
            {
                using IEnumerator<double>? times = secondsAfterStart?.GetEnumerator();
                int index = 0;
                foreach (byte[] frame in frames)
                {
                    double seconds = times is not null && times.MoveNext() ? times.Current : index;
                    writer.WritePacket(Start.AddSeconds(seconds), frame);
                    index++;
                }
            }

            var sink = new RecordingSink();
            DecodeSummary summary = CaptureDecoder.Decode(new AnalysisInput(0, path, "crafted.pcap", InputKind.Pcap), sink,
                limits ?? AnalysisLimits.Default, CancellationToken.None);
            return (sink, summary);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static (RecordingSink Sink, DecodeSummary Summary) Decode(params byte[][] ethernetFrames) => Decode(LinkType.Ethernet, ethernetFrames);
}
