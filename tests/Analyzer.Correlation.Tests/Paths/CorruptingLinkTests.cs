using System.Globalization;
using Analyzer.Correlation.Paths;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Paths;

/// <summary>
/// The lab scenario corrupting-link: a faulty switch in the server's cable flipped one bit in every
/// fourth ESP frame of each direction after the sender had computed the UDP checksum. The oracle is
/// tshark's checksum check at the receiving end: exactly the damaged frames arrive with a bad UDP
/// checksum there, and exactly those must pair as modified.
/// </summary>
public class CorruptingLinkTests
{
    private const string Client = "198.51.100.20";
    private const string Server = "203.0.113.10";

    [Fact]
    public void Esp_frames_damaged_by_the_switch_are_the_modified_packets_of_each_direction()
    {
        string client = LabCaptures.Pcap("corrupting-link", "client");
        string server = LabCaptures.Pcap("corrupting-link", "server");
        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(client, server)));

        PathDirection up = Assert.Single(path.Directions, d => d is { From: "client", Protocol: "esp" });
        PathDirection down = Assert.Single(path.Directions, d => d is { From: "server", Protocol: "esp" });
        Assert.Equal(BadChecksumEspFrames(server, from: Client), up.Modified.Select(m => m.Received.Frame).Order());
        Assert.Equal(BadChecksumEspFrames(client, from: Server), down.Modified.Select(m => m.Received.Frame).Order());
        Assert.All(up.Modified.Concat(down.Modified), m => Assert.Equal(1, m.DifferingBytes));   // one bit flipped
        Assert.All(path.Directions.Where(d => d.Protocol != "esp"), d => Assert.Empty(d.Modified)); // IKE untouched
        Assert.All(path.Directions, d => Assert.Equal(0, d.Lost));
    }

    /// <summary>ESP frames from <paramref name="from"/> whose UDP checksum tshark finds wrong (status 0 = bad).</summary>
    private static List<long> BadChecksumEspFrames(string pcap, string from)
    {
        string tshark = ExternalTool.Require("tshark", "tshark");
        string output = ExternalTool.Run(tshark, ["-r", pcap, "-o", "udp.check_checksum:TRUE",
            "-Y", $"esp && ip.src == {from} && udp.checksum.status == 0", "-T", "fields", "-e", "frame.number"]);
        List<long> frames = [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => long.Parse(line, CultureInfo.InvariantCulture)).Order()];
        Assert.NotEmpty(frames);
        return frames;
    }
}
