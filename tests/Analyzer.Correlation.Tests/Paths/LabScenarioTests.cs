using Analyzer.Core;
using Analyzer.Correlation.Paths;

namespace Analyzer.Correlation.Tests.Paths;

/// <summary>
/// The issue's acceptance on the lab's paired captures (samples/captures/&lt;scenario&gt;/README.md
/// says what the firewall dropped); skipped while the samples are absent.
/// </summary>
public class LabScenarioTests
{
    [Theory]
    [InlineData("udp500-blocked", "server", "client", "udp500")]          // FORWARD drops UDP 500 from the server
    [InlineData("esp-dropped-one-way", "server", "client", "esp")]        // ESP-in-UDP from the server dropped
    [InlineData("natt-udp4500-blocked", "client", "server", "udp4500")]   // UDP 4500 towards the server dropped
    public void Blocked_and_dropped_scenarios_name_the_direction_and_protocol_lost(string scenario, string from, string to, string protocol)
    {
        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(
            LabCaptures.Pcap(scenario, "client"), LabCaptures.Pcap(scenario, "server"))));

        PathDirection lost = Assert.Single(path.Directions, d => d.Lost > 0);
        Assert.Equal((from, to, protocol), (lost.From, lost.To, lost.Protocol));
        Assert.Equal(lost.Sent, lost.Lost);
        Assert.Equal(from == "client" ? 0 : 1, lost.LostFrames[0].InputIndex);
    }

    [Theory]
    [InlineData("healthy-psk")]
    [InlineData("healthy-cert")]
    [InlineData("psk-mismatch")]
    [InlineData("cert-untrusted-ca")]
    public void Scenarios_where_the_network_delivers_everything_report_no_loss(string scenario)
    {
        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(
            LabCaptures.Pcap(scenario, "client"), LabCaptures.Pcap(scenario, "server"))));

        Assert.NotEmpty(path.Directions);
        Assert.All(path.Directions, d => Assert.Equal(0, d.Lost));
        Assert.All(path.Directions, d => Assert.Equal(d.Sent, d.Received));
        Assert.Empty(path.Translations);
        Assert.Equal(0, path.ClockOffsetSeconds!.Value, 0.001);   // one lab clock
    }

    [Fact]
    public void Client_behind_the_nat_router_is_named_with_its_public_mapping()
    {
        PathComparison path = Assert.Single(PathComparer.Compare(LabCaptures.Load(
            LabCaptures.Pcap("natt-udp4500-blocked", "client"), LabCaptures.Pcap("natt-udp4500-blocked", "server"))));

        NatTranslation nat = Assert.Single(path.Translations);
        Assert.Equal("udp500", nat.Protocol);
        Assert.Equal(new NetEndpoint(NetAddress.Parse("192.168.1.10"), 500), nat.Inside);
        Assert.Equal(NetAddress.Parse("198.51.100.2"), nat.Outside.Address);
        Assert.True(path.NatTraversalUsed);
    }

    [Theory]
    [InlineData("healthy-psk")]
    [InlineData("udp500-blocked")]
    [InlineData("esp-dropped-one-way")]
    [InlineData("natt-udp4500-blocked")]
    public void Ledgers_from_the_decoder_and_from_tshark_give_the_same_path(string scenario)
    {
        string[] pair = [LabCaptures.Pcap(scenario, "client"), LabCaptures.Pcap(scenario, "server")];

        PathComparison decoded = Assert.Single(PathComparer.Compare(LabCaptures.Load(pair)));
        PathComparison oracle = Assert.Single(PathComparer.Compare(LabCaptures.LoadWithTshark(pair)));

        Assert.Equal(Summary(oracle), Summary(decoded));
        Assert.Equal(oracle.Translations, decoded.Translations);
        Assert.Equal(oracle.ClockOffsetSeconds, decoded.ClockOffsetSeconds);
    }

    private static List<string> Summary(PathComparison path) =>
        path.Directions.Select(d => $"{d.From}>{d.To} {d.Protocol} {d.Sent}/{d.Received}/{d.Lost} [{string.Join(",", d.LostFrames.Select(f => f.Frame))}]").ToList();
}
