using System.Diagnostics;
using System.Globalization;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using PacketDotNet;
using SharpPcap;
using SharpPcap.LibPcap;

namespace Analyzer.Bench.Capture;

/// <summary>
/// The contenders, each run in its own process by <see cref="SideBySide"/> so peak memory is its
/// own: a plain sequential read, vpndiag's decode stage, and a straightforward SharpPcap +
/// PacketDotNet program doing the same job (find IKE, NAT-T, ESP, L2TP).
/// </summary>
internal static class Measurements
{
    public static string Run(string mode, string path)
    {
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        string counts = mode switch
        {
            "read" => SequentialRead(path),
            "frames" => Frames(path),
            "decode" => Decode(path),
            "decode-steady" => Steady(path, ref allocatedBefore, clock),
            "sharppcap" => SharpPcapPacketDotNet(path),
            _ when mode.StartsWith("decrypt=", StringComparison.Ordinal) => Decode(path, mode["decrypt=".Length..]),
            _ => throw new ArgumentException("unknown mode " + mode, nameof(mode)),
        };
        double seconds = clock.Elapsed.TotalSeconds;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return string.Create(CultureInfo.InvariantCulture,
            $"{mode}\t{seconds:F3}\t{allocated}\t{PeakResidentKilobytes()}\t{counts}");
    }

    private static string SequentialRead(string path)
    {
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        int read;
        while ((read = file.Read(buffer)) > 0)
        {
            total += read;
        }

        return string.Create(CultureInfo.InvariantCulture, $"bytes={total}");
    }

    /// <summary>Reading and framing only: every record handed out, nothing decoded.</summary>
    private static string Frames(string path)
    {
        long frames = 0, bytes = 0;
        using Analyzer.Capture.CaptureReader reader = Analyzer.Capture.CaptureReader.Open(path);
        while (reader.TryReadFrame(out Analyzer.Capture.CapturedFrame frame))
        {
            frames++;
            bytes += frame.Data.Length;
        }

        return string.Create(CultureInfo.InvariantCulture, $"frames={frames} bytes={bytes}");
    }

    /// <summary>Decode three times in one process and time only the last: the cost once the JIT has settled.</summary>
    private static string Steady(string path, ref long allocatedBefore, Stopwatch clock)
    {
        Decode(path);
        Decode(path);
        allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        clock.Restart();
        return Decode(path);
    }

    /// <param name="espSa">With an esp_sa table (mode decrypt=FILE): the decode stage decrypting with its keys, and how many ESP packets it decrypted.</param>
    private static string Decode(string path, string? espSa = null)
    {
        var sink = new CountingSink();
        Analyzer.Protocols.Keys.KeyStore? keys = null;
        if (espSa is not null)
        {
            keys = new Analyzer.Protocols.Keys.KeyStore();
            using var reader = new StreamReader(espSa);
            Analyzer.Protocols.Keys.EspSaTable.Read(reader, espSa, keys);
        }

        DecodeSummary summary = CaptureDecoder.Decode(new AnalysisInput(0, path, Path.GetFileName(path), InputKind.Unknown), sink,
            AnalysisLimits.Default, CancellationToken.None, keys: keys);
        return string.Create(CultureInfo.InvariantCulture,
            $"frames={summary.Frames} decrypted={summary.DecryptedEsp} esp={summary.Count(TrafficKind.Esp) + summary.Count(TrafficKind.EspInUdp)} ike={summary.Count(TrafficKind.Ike) + summary.Count(TrafficKind.IkeNatT)} l2tp={summary.Count(TrafficKind.L2tp)} reassembled={summary.ReassembledDatagrams}");
    }

    /// <summary>What a developer would write with the two libraries: parse every packet, look at the layers.</summary>
    private static string SharpPcapPacketDotNet(string path)
    {
        long frames = 0, esp = 0, ike = 0, l2tp = 0;
        using var device = new CaptureFileReaderDevice(path);
        device.Open();
        while (device.GetNextPacket(out PacketCapture capture) == GetPacketStatus.PacketRead)
        {
            frames++;
            RawCapture raw = capture.GetPacket();
            Packet packet = Packet.ParsePacket(raw.LinkLayerType, raw.Data);
            IPPacket? ip = packet.Extract<IPPacket>();
            if (ip is null)
            {
                continue;
            }

            if (ip.Protocol == ProtocolType.IPSecEncapsulatingSecurityPayload)
            {
                esp++;
                continue;
            }

            UdpPacket? udp = packet.Extract<UdpPacket>();
            if (udp is null)
            {
                continue;
            }

            int low = Math.Min(udp.SourcePort, udp.DestinationPort);
            if (low == 500)
            {
                ike++;
            }
            else if (low == 1701)
            {
                l2tp++;
            }
            else if (low == 4500)
            {
                byte[] payload = udp.PayloadData;
                if (payload.Length >= 4 && payload[0] == 0 && payload[1] == 0 && payload[2] == 0 && payload[3] == 0)
                {
                    ike++;
                }
                else if (payload.Length >= 4)
                {
                    esp++;
                }
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"frames={frames} esp={esp} ike={ike} l2tp={l2tp}");
    }

    private static long PeakResidentKilobytes()
    {
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }
}
