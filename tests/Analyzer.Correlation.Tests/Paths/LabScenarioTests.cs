using Analyzer.Core;
using Analyzer.Correlation.Paths;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;
using Analyzer.Sessions.Ledger;

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
    [InlineData("large-cert-fragments-dropped", "client", "server", "ip-fragments")]   // Main Mode 5 with an 8192-bit certificate, fragments dropped
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
    [InlineData("two-clients-one-nat")]
    [InlineData("second-client-nat-fails")]
    public void Two_clients_behind_one_nat_pair_each_with_its_own_mapping(string scenario)
    {
        List<CaptureModel> models = LabCaptures.Load(
            LabCaptures.Pcap(scenario, "client"), LabCaptures.Pcap(scenario, "server"), LabCaptures.Pcap(scenario, "client2"));

        List<PathComparison> paths = PathComparer.Compare(models);

        Assert.Equal(2, paths.Count);
        PathComparison first = paths.Single(p => p.Captures.Select(c => c.InputIndex).SequenceEqual([0, 1]));
        PathComparison second = paths.Single(p => p.Captures.Select(c => c.InputIndex).SequenceEqual([2, 1]));
        NetAddress publicAddress = NetAddress.Parse("198.51.100.2");
        NatTranslation firstIke = first.Translations.Single(t => t.Protocol == "udp500");
        NatTranslation secondIke = second.Translations.Single(t => t.Protocol == "udp500");
        Assert.Equal(new NetEndpoint(NetAddress.Parse("192.168.1.10"), 500), firstIke.Inside);
        Assert.Equal(new NetEndpoint(NetAddress.Parse("192.168.1.11"), 500), secondIke.Inside);
        Assert.Equal(publicAddress, firstIke.Outside.Address);
        Assert.Equal(publicAddress, secondIke.Outside.Address);
        Assert.NotEqual(firstIke.Outside.Port, secondIke.Outside.Port);
        Assert.Empty(first.IkeCookies.Intersect(second.IkeCookies));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Nat_mapping_says_whether_nat_discovery_agreed(bool natDiscoveryFoundTheNat)
    {
        // The IKE SA as the IKE stage records it, NAT-D result set by hand: this checks the lookup, not NAT-D.
        List<CaptureModel> models = LabCaptures.Load(
            LabCaptures.Pcap("natt-udp4500-blocked", "client"), LabCaptures.Pcap("natt-udp4500-blocked", "server"));
        PacketLedger server = models[1].Ledger!;
        LedgerEntry first = server.Entries[0];
        var sa = new IkeSa
        {
            Version = 1,
            InitiatorCookie = first.Identity,
            Initiator = server.FlowOf(first).Source,
            Responder = server.FlowOf(first).Destination,
        };
        sa.Nat.NatDiscoveryExchanged = true;
        sa.Nat.InitiatorBehindNat = natDiscoveryFoundTheNat;
        sa.Nat.ResponderBehindNat = false;
        models[1].IkeSas.Add(sa);

        PathComparison path = Assert.Single(PathComparer.Compare(models));

        Assert.Equal(natDiscoveryFoundTheNat, Assert.Single(path.Translations).NatDiscoveryAgreed);
        Assert.Equal(natDiscoveryFoundTheNat, path.NatDiscoveryDetectedNat);
        Assert.Contains(first.Identity, path.IkeCookies);
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
