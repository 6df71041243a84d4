namespace Analyzer.Capture.Tests.Samples;

/// <summary>
/// Scenarios whose README says IPsec came up: each claim checked with tshark at both vantage points,
/// so a lab change cannot quietly turn them into failures (or the failures into these).
/// </summary>
[Trait("Category", "Slow")]
public sealed class EstablishedScenarioTests
{
    public static TheoryData<string> Established => new(
        "healthy-psk", "healthy-cert", "aggressive-psk", "weak-proposals", "ike-fragmentation",
        "two-clients-one-nat", "long-session-dpd-rekey-delete", "ike-deleted-esp-continues", "corrupting-link", "lossy-link", "path-breaks-dpd", "rekey-churn", "l2tp-before-ipsec", "esp-after-lost-delete",
        "healthy-psk-kernel", "healthy-cert-kernel");

    [Theory]
    [MemberData(nameof(Established))]
    public void Quick_Mode_completes_and_ESP_flows_both_ways_at_both_vantage_points(string name)
    {
        LabScenario scenario = LabScenario.Named(name);
        foreach (IReadOnlyList<CapturedPacket> capture in new[] { scenario.Client, scenario.Server })
        {
            Assert.Contains(capture, p => p.ExchangeType == IsakmpExchange.QuickMode && p.ToServer);
            Assert.Contains(capture, p => p.ExchangeType == IsakmpExchange.QuickMode && p.FromServer);
            Assert.Contains(capture, p => p.IsEsp && p.ToServer);
            Assert.Contains(capture, p => p.IsEsp && p.FromServer);
            Assert.DoesNotContain(capture, p => p.IsIpFragment);
        }
    }

    [Fact]
    public void Healthy_psk_ends_with_Delete_informationals_from_the_client()
    {
        IReadOnlyList<CapturedPacket> client = LabScenario.Named("healthy-psk").Client;
        CapturedPacket last = client.Last(p => p.IsIsakmp);
        Assert.Equal(IsakmpExchange.Informational, last.ExchangeType);
        Assert.True(last.ToServer);
        Assert.True(client.Count(p => p.ExchangeType == IsakmpExchange.MainMode) >= 6);
    }

    [Fact]
    public void Healthy_cert_server_requests_a_certificate_in_clear_Main_Mode()
    {
        IReadOnlyList<CapturedPacket> server = LabScenario.Named("healthy-cert").Server;
        // CERTREQ (7) rides in Main Mode message 4, before encryption starts.
        Assert.Contains(server, p => p.FromServer && p.ExchangeType == IsakmpExchange.MainMode && !p.IsEncrypted && p.Payloads.Contains(7));
    }

    [Fact]
    public void Aggressive_psk_sends_three_Aggressive_Mode_messages_with_the_identity_in_clear()
    {
        IReadOnlyList<CapturedPacket> client = LabScenario.Named("aggressive-psk").Client;
        CapturedPacket[] aggressive = [.. client.Where(p => p.ExchangeType == IsakmpExchange.AggressiveMode)];
        Assert.Equal(3, aggressive.Length);
        Assert.True(aggressive[0].ToServer && aggressive[1].FromServer && aggressive[2].ToServer);
        Assert.Equal("client@lab.example", aggressive[0].Identity);
        Assert.DoesNotContain(client, p => p.ExchangeType == IsakmpExchange.MainMode);
    }

    [Fact]
    public void Weak_proposals_offer_and_choose_3DES_MD5_and_DH_group_2()
    {
        IReadOnlyList<CapturedPacket> client = LabScenario.Named("weak-proposals").Client;
        CapturedPacket chosen = client.First(p => p.FromServer && p.ExchangeType == IsakmpExchange.MainMode);
        // RFC 2409 Appendix A: encryption 5 = 3DES-CBC, hash 1 = MD5, group 2 = MODP-1024.
        Assert.Equal([5], chosen.EncryptionAlgorithms);
        Assert.Equal([1], chosen.HashAlgorithms);
        Assert.Equal([2], chosen.DhGroups);
    }

    [Fact]
    public void Ike_fragmentation_carries_message_5_in_IKE_fragments_not_IP_fragments()
    {
        LabScenario scenario = LabScenario.Named("ike-fragmentation");
        // Payload 132 is the IKEv1 fragment payload (Cisco/Microsoft scheme).
        Assert.True(scenario.Server.Count(p => p.ToServer && p.Payloads.Contains(132)) >= 2);
        Assert.DoesNotContain(scenario.Client, p => p.IsIpFragment);
    }

    [Fact]
    public void Two_clients_behind_one_NAT_both_get_ESP_through_one_public_address()
    {
        LabScenario scenario = LabScenario.Named("two-clients-one-nat");
        CapturedPacket[] mainModeOne = [.. scenario.Server.Where(p => p.ExchangeType == IsakmpExchange.MainMode && p.ToServer && p.ResponderCookie == "0000000000000000")];
        Assert.Equal(2, mainModeOne.Select(p => p.InitiatorCookie).Distinct().Count());
        Assert.All(mainModeOne, p => Assert.Equal("198.51.100.2", p.Source));
        Assert.Equal(2, scenario.Server.Where(p => p.IsEsp && p.ToServer).Select(p => p.SourcePort).Distinct().Count());
        Assert.Equal(2, scenario.Server.Where(p => p.IsEsp && p.FromServer).Select(p => p.EspSpi).Distinct().Count());
        Assert.Contains(scenario.Client, p => p.Source == "192.168.1.10" && p.IsEsp);
        Assert.Contains(scenario.Client2, p => p.Source == "192.168.1.11" && p.IsEsp);
        Assert.Contains(scenario.Client2, p => p.FromServer && p.IsEsp);
    }

    [Fact]
    public void Long_session_shows_DPD_Quick_Mode_rekeys_a_second_Main_Mode_and_a_final_Delete()
    {
        IReadOnlyList<CapturedPacket> client = LabScenario.Named("long-session-dpd-rekey-delete").Client;
        Assert.True(client[^1].Time - client[0].Time >= 60, "the session lasts at least a minute");
        Assert.True(client.Where(p => p.ExchangeType == IsakmpExchange.MainMode).Select(p => p.InitiatorCookie).Distinct().Count() >= 2);
        Assert.True(client.Count(p => p.ExchangeType == IsakmpExchange.QuickMode) >= 9, "initial Quick Mode plus two rekeys");
        Assert.True(client.Where(p => p.IsEsp && p.ToServer).Select(p => p.EspSpi).Distinct().Count() >= 3);
        Assert.True(client.Count(p => p.ExchangeType == IsakmpExchange.Informational) >= 10, "DPD every 5 s");
        CapturedPacket last = client.Last(p => p.IsIsakmp);
        Assert.True(last.ExchangeType == IsakmpExchange.Informational && last.ToServer);
    }

    [Fact]
    public void Ike_deleted_esp_continues_keeps_using_the_first_SPIs_after_the_first_IKE_SA_is_deleted()
    {
        IReadOnlyList<CapturedPacket> client = LabScenario.Named("ike-deleted-esp-continues").Client;
        string first = client.First(p => p.IsIsakmp).InitiatorCookie;
        CapturedPacket secondMainMode = client.First(p => p.ExchangeType == IsakmpExchange.MainMode && p.InitiatorCookie != first);
        CapturedPacket delete = client.Last(p => p.ExchangeType == IsakmpExchange.Informational && p.InitiatorCookie == first);
        Assert.True(delete.Time > secondMainMode.Time);
        Assert.DoesNotContain(client, p => p.ExchangeType == IsakmpExchange.QuickMode && p.InitiatorCookie != first);
        string[] spisBefore = [.. client.Where(p => p.IsEsp && p.Time < delete.Time).Select(p => p.EspSpi).Distinct()];
        Assert.Contains(client, p => p.IsEsp && p.ToServer && p.Time > delete.Time && spisBefore.Contains(p.EspSpi));
        Assert.Contains(client, p => p.IsEsp && p.FromServer && p.Time > delete.Time && spisBefore.Contains(p.EspSpi));
    }
}
