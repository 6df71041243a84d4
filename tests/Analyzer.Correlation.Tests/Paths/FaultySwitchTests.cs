using System.Globalization;
using Analyzer.Correlation.Paths;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Paths;

/// <summary>
/// The lab scenarios with a faulty switch in the server's cable (samples/lab/lib/faulty-switch.py):
/// corrupting-link flips one bit in every fourth ESP frame of each direction after the sender
/// computed the UDP checksum; lossy-link loses every fourth ESP frame. tshark is the oracle.
/// </summary>
public class FaultySwitchTests
{
    private const string Client = "198.51.100.20";
    private const string Server = "203.0.113.10";

    /// <summary>Exactly the damaged frames arrive with a bad UDP checksum, and exactly those pair as modified.</summary>
    [Fact]
    public void Esp_frames_damaged_by_the_switch_are_the_modified_packets_of_each_direction()
    {
        (string client, string server, PathComparison path, PathDirection up, PathDirection down) = Compared("corrupting-link");
        Assert.Equal(BadChecksumEspFrames(server, from: Client), up.Modified.Select(m => m.Received.Frame).Order());
        Assert.Equal(BadChecksumEspFrames(client, from: Server), down.Modified.Select(m => m.Received.Frame).Order());
        Assert.All(up.Modified.Concat(down.Modified), m => Assert.Equal(1, m.DifferingBytes));   // one bit flipped
        Assert.All(path.Directions.Where(d => d.Protocol != "esp"), d => Assert.Empty(d.Modified)); // IKE untouched
        Assert.All(path.Directions, d => Assert.Equal(0, d.Lost));
    }

    /// <summary>The ESP packets (SPI, sequence) the sender's capture holds and the receiver's lacks are the lost frames.</summary>
    [Fact]
    public void Esp_frames_the_switch_lost_are_the_lost_frames_of_each_direction()
    {
        (string client, string server, PathComparison path, PathDirection up, PathDirection down) = Compared("lossy-link");
        Assert.Equal(EspFramesMissingAtReceiver(client, server, from: Client), up.LostFrames.Select(f => f.Frame).Order());
        Assert.Equal(EspFramesMissingAtReceiver(server, client, from: Server), down.LostFrames.Select(f => f.Frame).Order());
        Assert.All(path.Directions, d => Assert.Empty(d.Modified));
        Assert.All(path.Directions.Where(d => d.Protocol != "esp"), d => Assert.Equal(0, d.Lost)); // IKE untouched
    }

    /// <summary>The scenario's two captures, their path comparison and its ESP direction each way.</summary>
    private static (string Client, string Server, PathComparison Path, PathDirection Up, PathDirection Down) Compared(string scenario)
    {
        string client = LabCaptures.Pcap(scenario, "client");
        string server = LabCaptures.Pcap(scenario, "server");
        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, server)));
        PathDirection up = Assert.Single(path.Directions, d => d is { From: "client", Protocol: "esp" });
        PathDirection down = Assert.Single(path.Directions, d => d is { From: "server", Protocol: "esp" });
        return (client, server, path, up, down);
    }

    /// <summary>Frames of the sender's capture whose ESP (SPI, sequence) never appears in the receiver's.</summary>
    private static List<long> EspFramesMissingAtReceiver(string senderPcap, string receiverPcap, string from)
    {
        Dictionary<string, long> sent = EspPackets(senderPcap, from);
        HashSet<string> received = [.. EspPackets(receiverPcap, from).Keys];
        List<long> missing = [.. sent.Where(p => !received.Contains(p.Key)).Select(p => p.Value).Order()];
        Assert.NotEmpty(missing);
        return missing;
    }

    private static Dictionary<string, long> EspPackets(string pcap, string from)
    {
        string output = Tshark.Run(pcap, ["-Y", $"esp && ip.src == {from}",
            "-T", "fields", "-E", "separator=;", "-e", "frame.number", "-e", "esp.spi", "-e", "esp.sequence"]);
        var packets = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string[] fields = line.Split(';');
            packets.TryAdd(fields[1] + "/" + fields[2], long.Parse(fields[0], CultureInfo.InvariantCulture));
        }

        return packets;
    }

    /// <summary>ESP frames from <paramref name="from"/> whose UDP checksum tshark finds wrong (status 0 = bad).</summary>
    private static List<long> BadChecksumEspFrames(string pcap, string from)
    {
        string output = Tshark.Run(pcap, ["-o", "udp.check_checksum:TRUE",
            "-Y", $"esp && ip.src == {from} && udp.checksum.status == 0", "-T", "fields", "-e", "frame.number"]);
        List<long> frames = [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => long.Parse(line, CultureInfo.InvariantCulture)).Order()];
        Assert.NotEmpty(frames);
        return frames;
    }
}
