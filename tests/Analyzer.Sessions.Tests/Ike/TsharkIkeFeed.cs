using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Testing;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>
/// Test harness: the IKE datagrams of a capture as tshark (the oracle) dissects them, turned into
/// VpnDatagrams the way the decode stage would hand them on (non-ESP marker stripped on 4500).
/// End-to-end tests use the real decoder (<see cref="DecodedCapture"/>); this feed serves the
/// mutation tests, which alter one datagram at a time.
/// </summary>
internal static class TsharkIkeFeed
{
    private const ushort NatTPort = 4500;

    public sealed record Frame(long Number, Timestamp Time, NetEndpoint Source, NetEndpoint Destination, byte[] Payload, bool NatT);

    /// <param name="displayFilter">Which frames to take; tshark's own ISAKMP frames by default.</param>
    public static List<Frame> Read(string capture, string displayFilter = "isakmp && !icmp && !icmpv6")
    {
        string output = Tshark.Run(capture, ["-n", "-Y", displayFilter, "-T", "fields", "-E", "separator=\t", "-E", "occurrence=l",
            "-e", "frame.number", "-e", "frame.time_epoch", "-e", "ip.src", "-e", "ipv6.src", "-e", "ip.dst", "-e", "ipv6.dst",
            "-e", "udp.srcport", "-e", "udp.dstport", "-e", "udp.payload",
        ]);
        var frames = new List<Frame>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split('\t');
            if (f.Length < 9 || f[8].Length == 0)
            {
                continue;
            }

            long number = long.Parse(f[0], CultureInfo.InvariantCulture);
            decimal epoch = decimal.Parse(f[1], CultureInfo.InvariantCulture);
            var time = new Timestamp((long)(epoch * 1_000_000_000m), 9);
            NetAddress source = NetAddress.Parse(f[2].Length > 0 ? f[2] : f[3]);
            NetAddress destination = NetAddress.Parse(f[4].Length > 0 ? f[4] : f[5]);
            ushort sourcePort = ushort.Parse(f[6], CultureInfo.InvariantCulture);
            ushort destinationPort = ushort.Parse(f[7], CultureInfo.InvariantCulture);
            byte[] payload = Convert.FromHexString(f[8].Replace(":", string.Empty, StringComparison.Ordinal));
            bool natT = (sourcePort == NatTPort || destinationPort == NatTPort) && payload.Length >= 4 && payload[0] == 0 && payload[1] == 0 && payload[2] == 0 && payload[3] == 0;
            if (natT)
            {
                payload = payload[4..];
            }

            frames.Add(new Frame(number, time, new NetEndpoint(source, sourcePort), new NetEndpoint(destination, destinationPort), payload, natT));
        }

        return frames;
    }

    public static void Feed(Analyzer.Sessions.Ike.IkeSaTracker tracker, Frame frame)
    {
        var datagram = new VpnDatagram(new FrameRef(0, frame.Number, frame.Time), frame.NatT ? TrafficKind.IkeNatT : TrafficKind.Ike,
            frame.Source, frame.Destination, frame.Payload, frame.Payload.Length, DatagramFlags.None, [], 0, 64, 1);
        tracker.Observe(datagram);
    }
}
