using System.Security.Cryptography;
using Analyzer.Core;
using Analyzer.Protocols.Ike.Payloads;

namespace Analyzer.Protocols.Tests.Ike;

public sealed class NatDiscoveryHashTests
{
    [Fact]
    public void Hash_covers_both_cookies_then_address_then_port_in_network_order()
    {
        var endpoint = new NetEndpoint(NetAddress.Parse("203.0.113.10"), 500);
        byte[] expected = SHA256.HashData(Convert.FromHexString("0102030405060708" + "1112131415161718" + "cb00710a" + "01f4"));
        Assert.Equal(expected, NatDiscoveryHash.Compute(HashAlgorithmName.SHA256, 0x0102030405060708, 0x1112131415161718, endpoint));
    }

    [Fact]
    public void Unknown_ikev1_hash_algorithm_gives_no_algorithm()
    {
        Assert.Null(NatDiscoveryHash.FromIkev1(3));
        Assert.Equal(HashAlgorithmName.MD5, NatDiscoveryHash.FromIkev1(1));
    }
}
