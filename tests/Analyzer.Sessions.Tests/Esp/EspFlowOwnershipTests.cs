using Analyzer.Core;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Tests.Esp;

/// <summary>Synthetic models: which SA an ESP flow no Quick Mode tied belongs to, answered once on the flow.</summary>
public sealed class EspFlowOwnershipTests
{
    private static readonly Timestamp Start = Timestamp.FromUnix(1_700_000_000, 0, 6);
    private static readonly NetEndpoint Client = new(NetAddress.Parse("198.51.100.20"), 500);
    private static readonly NetEndpoint Server = new(NetAddress.Parse("203.0.113.10"), 500);

    private static IkeSa Sa(ulong cookie, double started)
    {
        var sa = new IkeSa { Version = 1, InitiatorCookie = cookie, Initiator = Client, Responder = Server };
        sa.Messages.Add(new IkeMessage { Frame = new FrameRef(0, (long)(started * 10) + 1, Start.AddSeconds(started)), From = Client, To = Server, FromInitiator = true, Exchange = IkeExchangeKind.MainMode });
        return sa;
    }

    private static EspFlow Flow(uint spi, double first) => new()
    {
        Spi = spi,
        Source = Client with { Port = 0 },
        Destination = Server with { Port = 0 },
        Encapsulation = EspEncapsulation.Esp,
        First = new FrameRef(0, (long)(first * 10) + 2, Start.AddSeconds(first)),
    };

    [Fact]
    public void Unpaired_flow_belongs_to_the_latest_sa_started_before_its_first_packet()
    {
        IkeSa early = Sa(1, 0);
        IkeSa late = Sa(2, 50);
        EspFlow flow = Flow(0xAAAA0001, 20);

        EspFlowOwnership.Assign([flow], [early, late]);

        Assert.Same(early, flow.IkeSa);
        Assert.Equal(1ul, flow.IkeSaCookie);
    }

    [Fact]
    public void Child_spi_named_by_an_sa_wins_over_timing()
    {
        IkeSa early = Sa(1, 0);
        IkeSa late = Sa(2, 50);
        late.ChildSpis.Add(0xAAAA0001);
        EspFlow flow = Flow(0xAAAA0001, 20);

        EspFlowOwnership.Assign([flow], [early, late]);

        Assert.Same(late, flow.IkeSa);
    }

    [Fact]
    public void Flow_between_addresses_without_an_sa_has_no_owner()
    {
        EspFlow flow = Flow(0xAAAA0001, 20);
        var other = new IkeSa { Version = 1, InitiatorCookie = 3, Initiator = new NetEndpoint(NetAddress.Parse("192.0.2.1"), 500), Responder = Server };

        EspFlowOwnership.Assign([flow], [other]);

        Assert.Null(flow.IkeSa);
    }
}
