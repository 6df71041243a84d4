namespace Analyzer.Capture.Tests.Samples;

/// <summary>
/// esp_sa holds the ESP keys charon logged at "chd 4" in the same run, so tshark finds the L2TP
/// control connection inside that run's ESP.
/// </summary>
[Trait("Category", "Slow")]
public sealed class EspDecryptionTests
{
    public static TheoryData<string> WithEspKeys => new(LabScenario.AllNames()
        .Where(name => File.Exists(Path.Combine(LabScenario.CapturesRoot, name, "esp_sa"))));

    [Fact]
    public void Healthy_and_dropped_ESP_scenarios_have_ESP_keys()
    {
        string[] names = [.. WithEspKeys.Select(row => row.Data)];
        Assert.Contains("healthy-psk", names);
        Assert.Contains("esp-dropped-one-way", names);
        Assert.Contains("healthy-psk-kernel", names);
    }

    [Theory]
    [MemberData(nameof(WithEspKeys))]
    public void Esp_keys_reveal_L2TP_in_every_ESP_packet_the_client_sent(string name)
    {
        LabScenario scenario = LabScenario.Named(name);
        string[] preferences = [.. scenario.ReadText("esp_sa").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => "uat:esp_sa:" + line).Prepend("esp.enable_encryption_decode:TRUE")];
        int[] sealedSent = [.. scenario.Client.Where(p => p.IsEsp && p.ToServer).Select(p => p.Number)];
        Assert.NotEmpty(sealedSent);
        Assert.DoesNotContain(scenario.Client, p => p.IsEsp && p.IsL2tp);

        IReadOnlyList<CapturedPacket> opened = TsharkPackets.Read(scenario.File("client.pcap"), preferences);
        CapturedPacket[] sent = [.. opened.Where(p => sealedSent.Contains(p.Number))];
        Assert.All(sent, p => Assert.True(p.IsEsp && p.IsL2tp, $"frame {p.Number} (SPI {p.EspSpi}) did not decrypt to L2TP"));
        // SCCRQ (1) opens the control connection inside the tunnel.
        Assert.Contains(1, sent[0].L2tpMessageTypes);
    }
}
