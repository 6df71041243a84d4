using System.Globalization;
using System.Text.Json;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>
/// Test harness until the capture stage's decoder is at hand: tshark (the oracle) dissects a capture
/// as JSON with raw bytes and offsets (<c>-T json -x</c>), and the VPN layer of each frame becomes a
/// <see cref="CapturedDatagram"/> cut from the frame's own bytes at the offset tshark reports.
/// Frames tshark reassembled from IP fragments are skipped (their bytes are not in one frame).
/// </summary>
internal static class TsharkDatagrams
{
    private const string Filter = "esp || ah || l2tp || pptp || gre || ppp || pppoes";

    public static List<CapturedDatagram> Read(string capture)
    {
        string tshark = ExternalTool.Require("tshark", "tshark");
        string json = ExternalTool.Run(tshark, ["-r", capture, "-n", "-Y", Filter, "-T", "json", "-x"]);
        var result = new List<CapturedDatagram>();
        if (string.IsNullOrWhiteSpace(json))
        {
            return result;
        }

        using JsonDocument document = JsonDocument.Parse(json);
        foreach (JsonElement packet in document.RootElement.EnumerateArray())
        {
            JsonElement layers = packet.GetProperty("_source").GetProperty("layers");
            CapturedDatagram? datagram = FromLayers(layers);
            if (datagram is not null)
            {
                result.Add(datagram);
            }
        }

        return result;
    }

    private static CapturedDatagram? FromLayers(JsonElement layers)
    {
        byte[] frameBytes = Convert.FromHexString(layers.GetProperty("frame_raw")[0].GetString()!);
        JsonElement frameLayer = layers.GetProperty("frame");
        long number = long.Parse(frameLayer.GetProperty("frame.number").GetString()!, CultureInfo.InvariantCulture);
        string epoch = frameLayer.GetProperty("frame.time_epoch").GetString()!;
        int dot = epoch.IndexOf('.', StringComparison.Ordinal);
        long seconds = long.Parse(dot < 0 ? epoch : epoch[..dot], CultureInfo.InvariantCulture);
        long nanos = dot < 0 ? 0 : long.Parse(epoch[(dot + 1)..].PadRight(9, '0')[..9], CultureInfo.InvariantCulture);
        var frame = new FrameRef(0, number, Timestamp.FromUnix(seconds, nanos, 9));
        bool truncated = int.Parse(frameLayer.GetProperty("frame.len").GetString()!, CultureInfo.InvariantCulture)
            > int.Parse(frameLayer.GetProperty("frame.cap_len").GetString()!, CultureInfo.InvariantCulture);
        DatagramFlags flags = truncated ? DatagramFlags.Truncated : DatagramFlags.None;

        int ipOffset = -1;
        int ipEnd = frameBytes.Length;
        NetAddress source = default;
        NetAddress destination = default;
        int transportOffset = -1;
        int transportEnd = -1;
        ushort sourcePort = 0;
        ushort destinationPort = 0;
        bool udp = false;
        int tcpHeader = 0;
        int lastRawOffset = -1;
        string? lastRawName = null;
        foreach (JsonProperty layer in layers.EnumerateObject())
        {
            string name = layer.Name;
            if (name.EndsWith("_raw", StringComparison.Ordinal))
            {
                // The raw array [hex, offset, length, mask, type] comes right before its layer, also when layers repeat.
                if (layer.Value.ValueKind == JsonValueKind.Array && layer.Value.GetArrayLength() > 1)
                {
                    lastRawName = name[..^4];
                    lastRawOffset = layer.Value[1].GetInt32();
                }

                continue;
            }

            JsonElement value = layer.Value;
            int offset = lastRawName == name ? lastRawOffset : -1;
            switch (name)
            {
                case "ip":
                    if (value.TryGetProperty("ip.fragments", out _) || value.TryGetProperty("ip.reassembled_in", out _))
                    {
                        return null;
                    }

                    ipOffset = offset;
                    ipEnd = offset + Int(value, "ip.len");
                    source = NetAddress.Parse(value.GetProperty("ip.src").GetString()!);
                    destination = NetAddress.Parse(value.GetProperty("ip.dst").GetString()!);
                    transportOffset = -1;
                    break;
                case "ipv6":
                    ipOffset = offset;
                    ipEnd = offset + 40 + Int(value, "ipv6.plen");
                    source = NetAddress.Parse(value.GetProperty("ipv6.src").GetString()!);
                    destination = NetAddress.Parse(value.GetProperty("ipv6.dst").GetString()!);
                    transportOffset = -1;
                    break;
                case "udp":
                    udp = true;
                    transportOffset = offset;
                    transportEnd = offset + Int(value, "udp.length");
                    sourcePort = (ushort)Int(value, "udp.srcport");
                    destinationPort = (ushort)Int(value, "udp.dstport");
                    break;
                case "tcp":
                    udp = false;
                    transportOffset = offset;
                    transportEnd = ipEnd;
                    tcpHeader = Int(value, "tcp.hdr_len");
                    sourcePort = (ushort)Int(value, "tcp.srcport");
                    destinationPort = (ushort)Int(value, "tcp.dstport");
                    break;
                case "esp":
                case "ah":
                    bool inUdp = udp && transportOffset >= 0;
                    TrafficKind kind = name == "ah" ? TrafficKind.Ah : inUdp ? TrafficKind.EspInUdp : TrafficKind.Esp;
                    return Cut(frame, kind, source, destination, inUdp ? sourcePort : (ushort)0, inUdp ? destinationPort : (ushort)0, frameBytes, offset, inUdp ? transportEnd : ipEnd, flags, ipOffset, ipEnd);
                case "l2tp":
                    return Cut(frame, TrafficKind.L2tp, source, destination, sourcePort, destinationPort, frameBytes, offset, transportEnd, flags, ipOffset, ipEnd);
                case "pptp":
                    return Cut(frame, TrafficKind.PptpControl, source, destination, sourcePort, destinationPort, frameBytes, transportOffset + tcpHeader, ipEnd, flags, ipOffset, ipEnd);
                case "gre":
                    return Cut(frame, TrafficKind.Gre, source, destination, 0, 0, frameBytes, offset, ipEnd, flags, ipOffset, ipEnd);
                case "ppp":
                    // PPP as the link (PPPoE, DLT_PPP) and not carrying IP onwards: the PPP kind.
                    if (ipOffset < 0 && offset >= 0 && !HasLaterIp(layers))
                    {
                        return Cut(frame, TrafficKind.Ppp, default, default, 0, 0, frameBytes, offset, frameBytes.Length, flags, -1, -1);
                    }

                    break;
            }
        }

        return null;
    }

    private static bool HasLaterIp(JsonElement layers)
    {
        bool seenPpp = false;
        foreach (JsonProperty layer in layers.EnumerateObject())
        {
            if (layer.Name == "ppp")
            {
                seenPpp = true;
            }
            else if (seenPpp && (layer.Name == "ip" || layer.Name == "ipv6"))
            {
                return true;
            }
        }

        return false;
    }

    private static CapturedDatagram? Cut(FrameRef frame, TrafficKind kind, NetAddress source, NetAddress destination, ushort sourcePort, ushort destinationPort,
        byte[] frameBytes, int start, int wireEnd, DatagramFlags flags, int ipOffset, int ipEnd)
    {
        if (start < 0 || start > frameBytes.Length)
        {
            return null;
        }

        int end = Math.Min(wireEnd < 0 ? frameBytes.Length : wireEnd, frameBytes.Length);
        byte[] payload = end > start ? frameBytes[start..end] : [];
        byte[] ip = ipOffset >= 0 ? frameBytes[ipOffset..Math.Min(ipEnd, frameBytes.Length)] : [];
        int wireLength = wireEnd < 0 ? payload.Length : wireEnd - start;
        return new CapturedDatagram(frame, kind, new NetEndpoint(source, sourcePort), new NetEndpoint(destination, destinationPort), payload, wireLength, flags, ip);
    }

    private static int Int(JsonElement layer, string field) =>
        int.Parse(layer.GetProperty(field).GetString()!, CultureInfo.InvariantCulture);
}
