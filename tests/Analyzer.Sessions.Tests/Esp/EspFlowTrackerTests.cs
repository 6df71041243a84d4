using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Tests.Esp;

public sealed class EspFlowTrackerTests
{
    private static readonly NetEndpoint Client = new(NetAddress.Parse("198.51.100.20"), 0);
    private static readonly NetEndpoint Server = new(NetAddress.Parse("203.0.113.10"), 0);

    /// <summary>Synthetic ESP (SPI, sequence, 32 bytes of stand-in ciphertext), one per second of capture time.</summary>
    private static CapturedDatagram Esp(long frame, bool fromClient, uint spi, uint sequence, double? seconds = null)
    {
        var payload = new byte[40];
        BinaryPrimitives.WriteUInt32BigEndian(payload, spi);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(4), sequence);
        var time = Timestamp.FromUnix(1_700_000_000, 0, 6).AddSeconds(seconds ?? frame);
        return new CapturedDatagram(new FrameRef(0, frame, time), TrafficKind.Esp, fromClient ? Client : Server, fromClient ? Server : Client,
            payload, payload.Length, DatagramFlags.None, []);
    }

    private static IkeSa Sa(params (double Seconds, uint[] InitiatorSpis, uint[] ResponderSpis)[] quickModes)
    {
        var sa = new IkeSa { Version = 1, InitiatorCookie = 0x1122334455667788, Initiator = Client with { Port = 500 }, Responder = Server with { Port = 500 } };
        foreach ((double seconds, uint[] initiatorSpis, uint[] responderSpis) in quickModes)
        {
            var exchange = new IkeExchange { Kind = IkeExchangeKind.QuickMode, State = ExchangeState.Completed };
            var time = Timestamp.FromUnix(1_700_000_000, 0, 6).AddSeconds(seconds);
            exchange.Messages.Add(new IkeMessage { Frame = new FrameRef(0, 0, time), From = sa.Initiator, To = sa.Responder, Exchange = IkeExchangeKind.QuickMode });
            if (initiatorSpis.Length > 0)
            {
                exchange.ChildSa = new ChildSaNegotiation();
                exchange.ChildSa.InitiatorSpis.AddRange(initiatorSpis);
                exchange.ChildSa.ResponderSpis.AddRange(responderSpis);
            }

            sa.Exchanges.Add(exchange);
        }

        return sa;
    }

    [Fact]
    public void Public_esp_in_udp_capture_is_one_flow_of_eight_packets_without_ike()
    {
        CaptureModel model = CaptureReplay.Shared("tcpdump/espudp1.pcap");

        EspFlow flow = Assert.Single(model.EspFlows);
        Assert.Equal(0x12345678u, flow.Spi);
        Assert.Equal(EspEncapsulation.Udp, flow.Encapsulation);
        Assert.Equal(4500, flow.Source.Port);
        Assert.Equal(8, flow.Packets);
        Assert.True(flow.WithoutIkeSa);
        Assert.True(flow.OneWay);
    }

    [Fact]
    public void Esp_behind_ah_is_counted_under_both_spis()
    {
        CaptureModel model = CaptureReplay.Shared("zeek-spicy-ipsec/IPsec_ESP-AH_tunnel_mode.cap");

        List<EspFlow> ah = model.EspFlows.Where(f => f.Encapsulation == EspEncapsulation.Ah).ToList();
        List<EspFlow> esp = model.EspFlows.Where(f => f.Encapsulation == EspEncapsulation.Esp).ToList();
        Assert.Equal(2, ah.Count);
        Assert.Equal(2, esp.Count);
        Assert.Equal(ah.Sum(f => f.Packets), esp.Sum(f => f.Packets));
        Assert.All(esp, f => Assert.Contains(ah, a => a.Spi == f.AhSpi && a.Source == f.Source));
    }

    [Fact]
    public void Decrypted_quick_mode_pairs_the_two_spis_exactly()
    {
        IkeSa sa = Sa((0.5, [0xAAAA0001], [0xBBBB0001]));
        CaptureModel model = CaptureReplay.Run(
            [Esp(1, true, 0xBBBB0001, 1), Esp(2, false, 0xAAAA0001, 1), Esp(3, true, 0xBBBB0001, 2)],
            m => m.IkeSas.Add(sa));

        EspFlow outbound = model.EspFlows.Single(f => f.Spi == 0xBBBB0001);
        EspFlow inbound = model.EspFlows.Single(f => f.Spi == 0xAAAA0001);
        Assert.Equal((0xAAAA0001u, (EspPairing?)EspPairing.QuickMode), (outbound.PairedSpi!.Value, outbound.PairedBy));
        Assert.Equal((0xBBBB0001u, (EspPairing?)EspPairing.QuickMode), (inbound.PairedSpi!.Value, inbound.PairedBy));
        Assert.Equal(sa.InitiatorCookie, outbound.IkeSaCookie);
        Assert.False(outbound.OneWay);
        Assert.False(outbound.WithoutIkeSa);
        Assert.Equal([0xBBBB0001u, 0xAAAA0001u], sa.ChildSpis);
    }

    [Fact]
    public void Ikev2_child_sas_pair_by_the_exchange_that_negotiated_them_ike_auth_then_create_child_sa_never_quick_mode()
    {
        // RFC 7296 §1.2/§1.3: the first child SA rides in IKE_AUTH, a rekey in CREATE_CHILD_SA; IKEv2 has no Quick Mode.
        var sa = new IkeSa { Version = 2, InitiatorCookie = 0x1122334455667788, Initiator = Client with { Port = 500 }, Responder = Server with { Port = 500 } };
        foreach ((IkeExchangeKind kind, double seconds, uint initiatorSpi, uint responderSpi) in
                 new[] { (IkeExchangeKind.IkeAuth, 0.5, 0xAAAA0001u, 0xBBBB0001u), (IkeExchangeKind.CreateChildSa, 60.0, 0xAAAA0002u, 0xBBBB0002u) })
        {
            var exchange = new IkeExchange { Kind = kind, State = ExchangeState.Completed, ChildSa = new ChildSaNegotiation() };
            exchange.Messages.Add(new IkeMessage { Frame = new FrameRef(0, 0, Timestamp.FromUnix(1_700_000_000, 0, 6).AddSeconds(seconds)), From = sa.Initiator, To = sa.Responder, Exchange = kind });
            exchange.ChildSa.InitiatorSpis.Add(initiatorSpi);
            exchange.ChildSa.ResponderSpis.Add(responderSpi);
            sa.Exchanges.Add(exchange);
        }

        CaptureModel model = CaptureReplay.Run(
            [Esp(1, true, 0xBBBB0001, 1), Esp(2, false, 0xAAAA0001, 1), Esp(61, true, 0xBBBB0002, 1), Esp(62, false, 0xAAAA0002, 1)],
            m => m.IkeSas.Add(sa));

        Assert.Equal((0xAAAA0001u, (EspPairing?)EspPairing.IkeAuth), (model.EspFlows.Single(f => f.Spi == 0xBBBB0001).PairedSpi!.Value, model.EspFlows.Single(f => f.Spi == 0xBBBB0001).PairedBy));
        Assert.Equal(EspPairing.IkeAuth, model.EspFlows.Single(f => f.Spi == 0xAAAA0001).PairedBy);
        Assert.Equal((0xAAAA0002u, (EspPairing?)EspPairing.CreateChildSa), (model.EspFlows.Single(f => f.Spi == 0xBBBB0002).PairedSpi!.Value, model.EspFlows.Single(f => f.Spi == 0xBBBB0002).PairedBy));
        Assert.Equal(EspPairing.CreateChildSa, model.EspFlows.Single(f => f.Spi == 0xAAAA0002).PairedBy);
    }

    [Fact]
    public void A_delete_names_the_ike_sa_by_protocol_number_in_both_versions_not_by_its_registry_name()
    {
        // ISAKMP (IKEv1) and IKE (IKEv2) are the same number 1; a child SA's Delete (ESP, 3) does not end the IKE SA.
        Assert.True(new IkeDeleteObservation(new FrameRef(0, 1, default), true, SecurityProtocol.Ike, false, []).RemovesIkeSa);
        Assert.True(new IkeDeleteObservation(new FrameRef(0, 1, default), true, SecurityProtocol.Ike, true, []).RemovesIkeSa);
        Assert.False(new IkeDeleteObservation(new FrameRef(0, 1, default), true, SecurityProtocol.Esp, true, ["aaaa0001"]).RemovesIkeSa);
    }

    [Fact]
    public void Responder_choosing_the_second_proposal_pairs_with_that_proposals_spi()
    {
        IkeSa sa = Sa((0.5, [0xAAAA0001, 0xAAAA0002], [0xBBBB0001]));
        CaptureModel model = CaptureReplay.Run([Esp(1, true, 0xBBBB0001, 1), Esp(2, false, 0xAAAA0002, 1)], m => m.IkeSas.Add(sa));

        Assert.Equal(0xAAAA0002u, model.EspFlows.Single(f => f.Spi == 0xBBBB0001).PairedSpi);
        Assert.Equal(0xBBBB0001u, model.EspFlows.Single(f => f.Spi == 0xAAAA0002).PairedSpi);
    }

    [Fact]
    public void Without_decryption_flows_pair_by_the_quick_mode_that_preceded_them()
    {
        IkeSa sa = Sa((10, [], []), (100, [], []));
        CaptureModel model = CaptureReplay.Run(
        [
            Esp(11, true, 0x1001, 1), Esp(12, false, 0x2001, 1),
            Esp(101, true, 0x1002, 1), Esp(102, false, 0x2002, 1), Esp(103, true, 0x1001, 2),
        ], m => m.IkeSas.Add(sa));

        Assert.Equal(0x2001u, model.EspFlows.Single(f => f.Spi == 0x1001).PairedSpi);
        Assert.Equal(0x2002u, model.EspFlows.Single(f => f.Spi == 0x1002).PairedSpi);
        Assert.All(model.EspFlows, f => Assert.Equal(EspPairing.Timing, f.PairedBy));
    }

    [Fact]
    public void Esp_sent_but_never_answered_is_one_way()
    {
        CaptureModel model = CaptureReplay.Run([Esp(1, true, 0x1001, 1), Esp(2, true, 0x1001, 2)], m => m.IkeSas.Add(Sa((0.5, [], []))));

        EspFlow flow = Assert.Single(model.EspFlows);
        Assert.True(flow.OneWay);
        Assert.Null(flow.PairedSpi);
        Assert.False(flow.WithoutIkeSa);
    }

    [Fact]
    public void Packets_after_a_delete_of_either_spi_are_counted_from_the_delete_frame()
    {
        IkeSa sa = Sa((0.5, [0xAAAA0001], [0xBBBB0001]));
        sa.Deletes.Add(new IkeDeleteObservation(new FrameRef(0, 3, default), true, SecurityProtocol.Esp, false, ["0xaaaa0001"]));
        CaptureModel model = CaptureReplay.Run(
            [Esp(1, true, 0xBBBB0001, 1), Esp(2, false, 0xAAAA0001, 1), Esp(4, true, 0xBBBB0001, 2), Esp(5, true, 0xBBBB0001, 3)],
            m => m.IkeSas.Add(sa));

        EspFlow outbound = model.EspFlows.Single(f => f.Spi == 0xBBBB0001);
        Assert.Equal(2, outbound.PacketsAfterDelete);
        Assert.Equal(4, outbound.FirstAfterDelete!.Value.Frame);
        Assert.Equal(3, outbound.DeleteFrame!.Value.Frame);
        Assert.Equal(0, model.EspFlows.Single(f => f.Spi == 0xAAAA0001).PacketsAfterDelete);
    }

    [Fact]
    public void Delete_of_an_spi_that_carried_nothing_still_marks_its_partner()
    {
        IkeSa sa = Sa((0.5, [0xAAAA0001], [0xBBBB0001]));
        sa.Deletes.Add(new IkeDeleteObservation(new FrameRef(0, 2, default), false, SecurityProtocol.Esp, true, ["aaaa0001"]));
        CaptureModel model = CaptureReplay.Run([Esp(1, true, 0xBBBB0001, 1), Esp(3, true, 0xBBBB0001, 2)], m => m.IkeSas.Add(sa));

        EspFlow flow = Assert.Single(model.EspFlows);
        Assert.Equal(1, flow.PacketsAfterDelete);
        Assert.True(flow.OneWay);
    }

    [Fact]
    public void Loss_and_replay_are_counted_per_flow()
    {
        CaptureModel model = CaptureReplay.Run([Esp(1, true, 7, 1), Esp(2, true, 7, 2), Esp(3, true, 7, 2), Esp(4, true, 7, 6)]);

        EspFlow flow = Assert.Single(model.EspFlows);
        Assert.Equal((3L, 1L, 1u, 6u), (flow.SequenceGaps, flow.Duplicates, flow.FirstSequence, flow.LastSequence));
        Assert.Equal(160, flow.Bytes);
        Assert.Equal((1L, 4L), (flow.First.Frame, flow.Last.Frame));
    }

    [Fact]
    public void Spi_zero_is_reported_as_malformed_and_not_counted()
    {
        CaptureModel model = CaptureReplay.Run([Esp(1, true, 0, 1)]);

        Assert.Empty(model.EspFlows);
        Assert.Contains(model.Diagnostics, d => d.Frame == 1 && d.Message.Contains("SPI 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Lab_client_behind_an_esp_dropping_router_sees_its_esp_one_way()
    {
        // samples/captures/esp-dropped-one-way: the router drops UDP-encapsulated ESP from the server.
        CaptureModel client = CaptureReplay.Sample("esp-dropped-one-way/client.pcap");
        CaptureModel server = CaptureReplay.Sample("esp-dropped-one-way/server.pcap");

        // SPIs change with every lab run: the client's flow is matched to the server's by SPI.
        EspFlow sent = Assert.Single(client.EspFlows);
        Assert.Equal(7L, sent.Packets);
        Assert.True(sent.OneWay);
        Assert.Equal(EspEncapsulation.Udp, sent.Encapsulation);
        Assert.Equal(2, server.EspFlows.Count);
        Assert.All(server.EspFlows, f => Assert.False(f.OneWay));
        uint answer = server.EspFlows.Single(f => f.Spi != sent.Spi).Spi;
        Assert.Equal(answer, server.EspFlows.Single(f => f.Spi == sent.Spi).PairedSpi);
        Assert.Equal(EspPairing.AddressPair, server.EspFlows[0].PairedBy);
    }

    [Fact]
    public void Every_client_of_a_busy_server_gets_its_own_pair()
    {
        // 5000 clients, one SA each, no IKE in the capture: pairs come from the address pairs alone.
        var datagrams = new List<CapturedDatagram>();
        for (uint client = 0; client < 5000; client++)
        {
            var address = new NetEndpoint(NetAddress.FromV4(0xC6336400u + client), 0);
            CapturedDatagram up = Esp((client * 2) + 1, true, 0x10000000 + client, 1);
            CapturedDatagram down = Esp((client * 2) + 2, false, 0x20000000 + client, 1);
            datagrams.Add(up with { Source = address });
            datagrams.Add(down with { Destination = address });
        }

        CaptureModel model = CaptureReplay.Run(datagrams);

        Assert.Equal(10_000, model.EspFlows.Count);
        Assert.All(model.EspFlows, f => Assert.Equal(f.Spi ^ 0x30000000u, f.PairedSpi));
        Assert.All(model.EspFlows, f => Assert.False(f.OneWay));
    }
}
