using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;

namespace Analyzer.Testing;

/// <summary>
/// Test harness: VPN datagrams of a capture as tshark (the dissection oracle) sees them, so the
/// ledger and the path comparison can be tested on real captures independently of vpndiag's own
/// decoder. ESP dissection is switched off so raw ESP bytes come out as data; IP reassembly stays
/// on, so a fragmented datagram appears once, on its last fragment.
/// </summary>
public static class TsharkTraffic
{
    private static readonly string[] Fields =
    [
        "frame.number", "frame.time_epoch", "frame.len", "frame.cap_len", "ip.src", "ip.dst", "ipv6.src", "ipv6.dst",
        "ip.ttl", "ipv6.hlim", "ip.id", "ip.proto", "ipv6.nxt", "ip.flags.mf", "ip.frag_offset", "ip.fragment.count",
        "udp.srcport", "udp.dstport", "udp.payload", "data.data",
    ];

    public static TsharkCapture Read(string pcap)
    {
        var arguments = new List<string> { "-n", "--disable-protocol", "esp", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=f" };
        foreach (string field in Fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }

        var packets = new List<TsharkPacket>();
        Timestamp? first = null;
        Timestamp? last = null;
        foreach (string line in Tshark.Run(pcap, arguments).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            Timestamp time = ParseTime(f[1]);
            first ??= time;
            last = time;
            if (TryClassify(f, time, out TsharkPacket? packet))
            {
                packets.Add(packet);
            }
        }

        return new TsharkCapture(packets, first, last);
    }

    /// <summary>Hands every packet to <paramref name="observe"/> as the decoder would.</summary>
    public static void Feed(TsharkCapture capture, int inputIndex, VpnDatagramObserver observe)
    {
        foreach (TsharkPacket p in capture.Packets)
        {
            var datagram = new VpnDatagram(new FrameRef(inputIndex, p.Frame, p.Time), p.Kind, p.Source, p.Destination, p.Payload,
                p.WireLength, p.Truncated ? DatagramFlags.Truncated : DatagramFlags.None, [], p.IpId, p.HopLimit, p.Fragments);
            observe(datagram);
        }
    }

    private static bool TryClassify(string[] f, Timestamp time, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TsharkPacket? packet)
    {
        packet = null;
        bool v6 = f[6].Length > 0 && f[4].Length == 0;
        string src = v6 ? f[6] : f[4];
        string dst = v6 ? f[7] : f[5];
        if (src.Length == 0)
        {
            return false;
        }

        int fragments = f[15].Length > 0 ? int.Parse(f[15], CultureInfo.InvariantCulture) : 1;
        bool fragment = f[13] is "1" or "True" || (f[14].Length > 0 && f[14] != "0");
        if (fragment && f[15].Length == 0)
        {
            return false;   // a fragment before the last: the reassembled datagram comes with the last one
        }

        int protocol = int.Parse(v6 ? f[12] : f[11], CultureInfo.InvariantCulture);
        byte hopLimit = byte.Parse(v6 ? f[9] : f[8], CultureInfo.InvariantCulture);
        ushort ipId = f[10].Length > 0 ? Convert.ToUInt16(f[10], 16) : (ushort)0;
        bool truncated = f[2] != f[3];
        NetAddress source = NetAddress.Parse(src);
        NetAddress destination = NetAddress.Parse(dst);
        if (protocol == 50 && f[19].Length > 0)
        {
            byte[] esp = Convert.FromHexString(f[19]);
            packet = new TsharkPacket(long.Parse(f[0], CultureInfo.InvariantCulture), time, TrafficKind.Esp,
                new NetEndpoint(source, 0), new NetEndpoint(destination, 0), esp, esp.Length, truncated, hopLimit, ipId, fragments);
            return true;
        }

        if (protocol != 17 || f[16].Length == 0)
        {
            return false;
        }

        ushort sport = ushort.Parse(f[16], CultureInfo.InvariantCulture);
        ushort dport = ushort.Parse(f[17], CultureInfo.InvariantCulture);
        byte[] payload = Convert.FromHexString(f[18]);
        TrafficKind kind;
        if (sport == 4500 || dport == 4500)
        {
            if (payload.Length == 1 && payload[0] == 0xFF)
            {
                kind = TrafficKind.NatKeepalive;
            }
            else if (payload.Length >= 4 && payload[0] == 0 && payload[1] == 0 && payload[2] == 0 && payload[3] == 0)
            {
                kind = TrafficKind.IkeNatT;
                payload = payload[4..];
            }
            else
            {
                kind = TrafficKind.EspInUdp;
            }
        }
        else if (sport == 500 || dport == 500)
        {
            kind = TrafficKind.Ike;
        }
        else if (sport == 1701 || dport == 1701)
        {
            kind = TrafficKind.L2tp;
        }
        else
        {
            return false;
        }

        packet = new TsharkPacket(long.Parse(f[0], CultureInfo.InvariantCulture), time, kind, new NetEndpoint(source, sport),
            new NetEndpoint(destination, dport), payload, payload.Length, truncated, hopLimit, ipId, fragments);
        return true;
    }

    private static Timestamp ParseTime(string epoch)
    {
        int dot = epoch.IndexOf('.', StringComparison.Ordinal);
        long seconds = long.Parse(dot < 0 ? epoch : epoch[..dot], CultureInfo.InvariantCulture);
        string fraction = dot < 0 ? "" : epoch[(dot + 1)..];
        long nanos = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0')[..9], CultureInfo.InvariantCulture);
        return Timestamp.FromUnix(seconds, nanos, (byte)Math.Min(fraction.Length, 9));
    }
}
