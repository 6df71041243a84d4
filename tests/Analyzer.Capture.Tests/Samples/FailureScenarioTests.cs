namespace Analyzer.Capture.Tests.Samples;

/// <summary>
/// Failure scenarios: tshark must see at each vantage point exactly the break the README describes,
/// so a lab change cannot silently turn one of them into a healthy capture.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FailureScenarioTests
{
    private const string Zero = "0000000000000000";

    [Fact]
    public void Udp500_blocked_client_repeats_Main_Mode_1_and_hears_nothing_while_the_server_answers()
    {
        LabScenario scenario = LabScenario.Named("udp500-blocked");
        CapturedPacket[] first = [.. scenario.Client.Where(p => p.ExchangeType == IsakmpExchange.MainMode && p.ToServer && p.ResponderCookie == Zero)];
        Assert.True(first.Length >= 2, "Main Mode 1 is retransmitted");
        Assert.Single(first.Select(p => p.InitiatorCookie).Distinct());
        Assert.DoesNotContain(scenario.Client, p => p.FromServer);
        Assert.Contains(scenario.Server, p => p.FromServer && p.SourcePort == 500 && p.ExchangeType == IsakmpExchange.MainMode);
    }

    [Fact]
    public void Esp_dropped_one_way_server_ESP_is_seen_at_the_server_only()
    {
        LabScenario scenario = LabScenario.Named("esp-dropped-one-way");
        Assert.Contains(scenario.Client, p => p.ExchangeType == IsakmpExchange.QuickMode && p.FromServer);
        Assert.Contains(scenario.Server, p => p.IsEsp && p.FromServer);
        Assert.Contains(scenario.Server, p => p.IsEsp && p.ToServer);
        Assert.Contains(scenario.Client, p => p.IsEsp && p.ToServer);
        Assert.DoesNotContain(scenario.Client, p => p.IsEsp && p.FromServer);
        // Only ESP was filtered: the server's IKE on UDP 4500 still reaches the client.
        Assert.Contains(scenario.Client, p => p.FromServer && p.IsIsakmp && p.SourcePort == 4500);
    }

    [Fact]
    public void Esp_dropped_one_way_kernel_variant_shows_raw_ESP_leaving_the_server_and_never_arriving()
    {
        LabScenario scenario = LabScenario.Named("esp-dropped-one-way-kernel");
        Assert.Contains(scenario.Server, p => p.IsEsp && p.FromServer && p.IpProtocol == 50);
        Assert.Contains(scenario.Client, p => p.IsEsp && p.ToServer && p.IpProtocol == 50);
        Assert.DoesNotContain(scenario.Client, p => p.IsEsp && p.FromServer);
    }

    [Fact]
    public void Natt_udp4500_blocked_client_behind_NAT_repeats_message_5_on_4500_and_the_server_never_sees_it()
    {
        LabScenario scenario = LabScenario.Named("natt-udp4500-blocked");
        Assert.All(scenario.Client.Where(p => p.ToServer), p => Assert.Equal("192.168.1.10", p.Source));
        Assert.All(scenario.Server.Where(p => p.ToServer), p => Assert.Equal("198.51.100.2", p.Source));
        Assert.Contains(scenario.Server, p => p.FromServer && p.ExchangeType == IsakmpExchange.MainMode && p.Payloads.Contains(20));
        Assert.True(scenario.Client.Count(p => p.ToServer && p.DestinationPort == 4500 && p.IsIsakmp) >= 2);
        Assert.DoesNotContain(scenario.Client, p => p.FromServer && p.SourcePort == 4500);
        Assert.DoesNotContain(scenario.Server, p => p.SourcePort == 4500 || p.DestinationPort == 4500);
        Assert.Equal(2, scenario.Server.Count(p => p.FromServer && p.IsIsakmp));
    }

    [Fact]
    public void Psk_mismatch_message_5_is_answered_by_encrypted_informationals_and_no_Quick_Mode_follows()
    {
        LabScenario scenario = LabScenario.Named("psk-mismatch");
        AssertMainMode5Rejected(scenario.Client);
        AssertMainMode5Rejected(scenario.Server);
        Assert.Contains("decryption failed", scenario.ReadText("charon-server.log"), StringComparison.Ordinal);
    }

    [Fact]
    public void Cert_untrusted_ca_is_rejected_after_message_5_for_want_of_an_issuer()
    {
        LabScenario scenario = LabScenario.Named("cert-untrusted-ca");
        AssertMainMode5Rejected(scenario.Client);
        Assert.Contains(scenario.Client, p => p.FromServer && p.ExchangeType == IsakmpExchange.MainMode && p.Payloads.Contains(7));
        Assert.Contains("no issuer certificate found for \"C=US, O=vpndiag lab, CN=untrusted.lab.example\"", scenario.ReadText("charon-server.log"), StringComparison.Ordinal);
    }

    [Fact]
    public void Cert_expired_is_rejected_after_message_5_for_its_validity()
    {
        LabScenario scenario = LabScenario.Named("cert-expired");
        AssertMainMode5Rejected(scenario.Client);
        Assert.Contains("subject certificate invalid (valid from Jan 01 00:00:00 2020 to Jan 01 00:00:00 2021)", scenario.ReadText("charon-server.log"), StringComparison.Ordinal);
    }

    [Fact]
    public void Phase1_proposal_mismatch_is_answered_by_a_clear_NO_PROPOSAL_CHOSEN()
    {
        LabScenario scenario = LabScenario.Named("phase1-proposal-mismatch");
        foreach (IReadOnlyList<CapturedPacket> capture in new[] { scenario.Client, scenario.Server })
        {
            Assert.DoesNotContain(capture, p => p.FromServer && p.ExchangeType == IsakmpExchange.MainMode);
            // Notify message type 14 = NO-PROPOSAL-CHOSEN (RFC 2408 §3.14.1).
            Assert.Contains(capture, p => p.FromServer && p.ExchangeType == IsakmpExchange.Informational && !p.IsEncrypted && p.Notifies.Contains(14));
        }
    }

    [Fact]
    public void Phase2_proposal_mismatch_completes_Main_Mode_but_the_server_never_answers_Quick_Mode()
    {
        LabScenario scenario = LabScenario.Named("phase2-proposal-mismatch");
        foreach (IReadOnlyList<CapturedPacket> capture in new[] { scenario.Client, scenario.Server })
        {
            Assert.Equal(3, capture.Count(p => p.FromServer && p.ExchangeType == IsakmpExchange.MainMode));
            Assert.Contains(capture, p => p.ToServer && p.ExchangeType == IsakmpExchange.QuickMode);
            Assert.DoesNotContain(capture, p => p.FromServer && p.ExchangeType == IsakmpExchange.QuickMode);
            double quickMode = capture.First(p => p.ExchangeType == IsakmpExchange.QuickMode).Time;
            Assert.Contains(capture, p => p.FromServer && p.ExchangeType == IsakmpExchange.Informational && p.IsEncrypted && p.Time > quickMode);
            Assert.DoesNotContain(capture, p => p.IsEsp);
        }
    }

    [Fact]
    public void Second_client_nat_fails_server_deletes_the_first_client_once_the_second_connects()
    {
        LabScenario scenario = LabScenario.Named("second-client-nat-fails");
        string firstCookie = scenario.Client.First(p => p.IsIsakmp).InitiatorCookie;
        string secondCookie = scenario.Client2.First(p => p.IsIsakmp).InitiatorCookie;
        Assert.NotEqual(firstCookie, secondCookie);
        double secondStarts = scenario.Server.First(p => p.InitiatorCookie == secondCookie).Time;
        Assert.Contains(scenario.Server, p => p.FromServer && p.ExchangeType == IsakmpExchange.Informational
            && p.InitiatorCookie == firstCookie && p.Time > secondStarts);
        // From then on the first client gets no ESP; the second one has ESP both ways.
        double deleted = scenario.Client.Last(p => p.FromServer && p.ExchangeType == IsakmpExchange.Informational).Time;
        Assert.DoesNotContain(scenario.Client, p => p.IsEsp && p.FromServer && p.Time > deleted);
        Assert.Contains(scenario.Client2, p => p.IsEsp && p.FromServer);
        Assert.All(scenario.Server.Where(p => p.ToServer && p.IsIsakmp), p => Assert.Equal("198.51.100.2", p.Source));
        // The displaced client's StopCCN then leaves without IPsec: L2TP in clear text at both ends.
        Assert.Contains(scenario.Client, p => p.ToServer && p.L2tpMessageTypes.Contains(4) && p.Time > deleted);
        Assert.Contains(scenario.Server, p => p.Source == "198.51.100.2" && p.L2tpMessageTypes.Contains(4));
    }

    [Fact]
    public void L2tp_without_ipsec_shows_the_whole_control_connection_in_clear()
    {
        IReadOnlyList<CapturedPacket> client = LabScenario.Named("l2tp-without-ipsec").Client;
        int[] types = [.. client.SelectMany(p => p.L2tpMessageTypes)];
        // RFC 2661 §6: SCCRQ 1, SCCRP 2, SCCCN 3, StopCCN 4, ICRQ 10, ICRP 11, ICCN 12, CDN 14.
        Assert.All(new[] { 1, 2, 3, 10, 11, 12, 14, 4 }, type => Assert.Contains(type, types));
        Assert.DoesNotContain(client, p => p.IsIsakmp || p.IsEsp);
        Assert.All(client.Where(p => p.L2tpMessageTypes.Count > 0), p => Assert.True(p.SourcePort == 1701 && p.DestinationPort == 1701));
    }

    [Fact]
    public void Large_cert_fragments_dropped_only_first_fragments_of_message_5_reach_the_server()
    {
        LabScenario scenario = LabScenario.Named("large-cert-fragments-dropped");
        Assert.Contains(scenario.Client, p => p.ToServer && p.FragmentOffset > 0);
        Assert.True(scenario.Client.Count(p => p.ToServer && p.MoreFragments && p.FragmentOffset == 0) >= 2, "message 5 is retransmitted");
        Assert.Contains(scenario.Server, p => p.ToServer && p.MoreFragments && p.FragmentOffset == 0);
        Assert.DoesNotContain(scenario.Server, p => p.FragmentOffset > 0);
        // Messages 1 to 4 passed; the server never got to message 6.
        Assert.Equal(2, scenario.Server.Count(p => p.FromServer && p.ExchangeType == IsakmpExchange.MainMode));
        Assert.DoesNotContain(scenario.Server, p => p.FromServer && p.IsEncrypted);
    }

    private static void AssertMainMode5Rejected(IReadOnlyList<CapturedPacket> capture)
    {
        Assert.Equal(2, capture.Count(p => p.FromServer && p.ExchangeType == IsakmpExchange.MainMode));
        CapturedPacket message5 = capture.First(p => p.ToServer && p.ExchangeType == IsakmpExchange.MainMode && p.IsEncrypted);
        Assert.Contains(capture, p => p.FromServer && p.ExchangeType == IsakmpExchange.Informational && p.IsEncrypted && p.Time >= message5.Time);
        Assert.DoesNotContain(capture, p => p.ExchangeType == IsakmpExchange.QuickMode);
        Assert.DoesNotContain(capture, p => p.IsEsp);
    }
}
