using Analyzer.Core;

namespace Analyzer.Core.Tests;

public class NetAddressTests
{
    [Theory]
    [InlineData("192.168.1.10", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.31.255.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("100.64.0.1", true)]
    [InlineData("203.0.113.5", false)]
    [InlineData("fd00::1", true)]
    [InlineData("2001:db8::1", false)]
    public void Private_ranges_are_recognised(string text, bool expected) =>
        Assert.Equal(expected, NetAddress.Parse(text).IsPrivate);

    [Theory]
    [InlineData("198.51.100.7")]
    [InlineData("2001:db8::42")]
    public void Parsing_and_printing_round_trip(string text) =>
        Assert.Equal(text, NetAddress.Parse(text).ToString());

    [Fact]
    public void IPv6_endpoint_prints_brackets_around_the_address() =>
        Assert.Equal("[2001:db8::1]:500", new NetEndpoint(NetAddress.Parse("2001:db8::1"), 500).ToString());
}
