using System.Buffers.Binary;
using Analyzer.Core;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>Synthetic incomplete datagrams (first bytes built to RFC 768/3948/2408): which SA each one is tied to, once, on the model.</summary>
public sealed class LostDatagramMatcherTests
{
    private static readonly Timestamp Start = Timestamp.FromUnix(1_700_000_000, 0, 6);
    private static readonly NetEndpoint Client = new(NetAddress.Parse("198.51.100.20"), 4500);
    private static readonly NetEndpoint Server = new(NetAddress.Parse("203.0.113.10"), 4500);

    private static IkeSa Sa(ulong cookie, long frame)
    {
        var sa = new IkeSa { Version = 1, InitiatorCookie = cookie, Initiator = Client, Responder = Server };
        sa.Messages.Add(new IkeMessage { Frame = new FrameRef(0, frame, Start.AddSeconds(frame)), From = Client, To = Server, FromInitiator = true, Exchange = IkeExchangeKind.MainMode });
        return sa;
    }

    private static IncompleteIpDatagram Lost(long frame, NetEndpoint source, NetEndpoint destination, byte[] first) =>
        new(17, source, destination, 7, [new FrameRef(0, frame, Start.AddSeconds(frame))], [(0, 1480)], null, first);

    /// <summary>UDP header, then <paramref name="word"/> (0 = non-ESP marker, else an SPI), then a cookie.</summary>
    private static byte[] FirstBytes(ushort port, uint word, ulong cookie)
    {
        var bytes = new byte[8 + 4 + 28];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, port);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), port);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(8), word);
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(12), cookie);
        return bytes;
    }

    [Fact]
    public void First_fragment_with_the_cookie_ties_the_datagram_to_that_sa_not_the_latest()
    {
        IkeSa first = Sa(0x1111, 1);
        IkeSa second = Sa(0x2222, 5);

        bool tied = LostDatagramMatcher.Attach(Lost(9, Client, Server, FirstBytes(4500, 0, 0x1111)), [first, second]);

        Assert.True(tied);
        Assert.True(Assert.Single(first.LostDatagrams).MatchedByCookies);
        Assert.Empty(second.LostDatagrams);
    }

    [Fact]
    public void Esp_in_udp_and_l2tp_datagrams_are_not_tied_to_an_sa()
    {
        IkeSa sa = Sa(0x1111, 1);
        var l2tpSource = Client with { Port = VpnPorts.L2tp };
        var l2tpDestination = Server with { Port = VpnPorts.L2tp };

        Assert.False(LostDatagramMatcher.Attach(Lost(9, Client, Server, FirstBytes(4500, 0xC0FFEE01, 0x1111)), [sa]));
        Assert.False(LostDatagramMatcher.Attach(Lost(10, l2tpSource, l2tpDestination, FirstBytes(VpnPorts.L2tp, 0, 0x1111)), [sa]));
        Assert.Empty(sa.LostDatagrams);
    }

    [Fact]
    public void Cookie_of_an_sa_the_capture_never_showed_is_not_tied_by_address()
    {
        IkeSa sa = Sa(0x1111, 1);

        Assert.False(LostDatagramMatcher.Attach(Lost(9, Client, Server, FirstBytes(4500, 0, 0x9999)), [sa]));
        Assert.Empty(sa.LostDatagrams);
    }

    [Fact]
    public void Without_the_first_fragment_the_sa_that_had_started_by_then_gets_it()
    {
        IkeSa first = Sa(0x1111, 1);
        IkeSa second = Sa(0x2222, 20);

        Assert.True(LostDatagramMatcher.Attach(Lost(9, Client with { Port = 0 }, Server with { Port = 0 }, []), [first, second]));

        IkeLostDatagram lost = Assert.Single(first.LostDatagrams);
        Assert.False(lost.MatchedByCookies);
        Assert.Empty(second.LostDatagrams);
    }
}
