using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Protocols.Tests.Ike;

public sealed class RegistryTests
{
    [Theory]
    [InlineData(24, false, "AUTHENTICATION-FAILED")]
    [InlineData(36136, false, "R-U-THERE")]
    [InlineData(24578, false, "INITIAL-CONTACT")]
    [InlineData(17, true, "INVALID_KE_PAYLOAD")]
    [InlineData(16407, true, "REDIRECT")]
    [InlineData(9000, false, "Private Use - Errors (9000)")]
    [InlineData(16500, true, "Unassigned status (16500)")]
    public void Notify_types_are_named_by_version_and_range(ushort type, bool v2, string name) =>
        Assert.Equal(name, NotifyTypes.Name(type, v2));

    [Fact]
    public void Values_in_no_table_or_range_are_named_unknown_with_their_number()
    {
        Assert.Equal("Unassigned (200)", ExchangeTypeNames.Table.Name(200));
        Assert.Equal("unknown (40123)", Ikev1AttributeNames.LifeTypes.Name(40123));
        Assert.Equal("Cisco-Fragmentation", PayloadNames.Name(PayloadType.Ikev1Fragment));
        Assert.Equal("NAT-D (RFC 3947)", PayloadNames.Name(PayloadType.NatDiscovery));
    }

    [Theory]
    [InlineData("1e2b516905991c7d7c96fcbfb587e46100000008", "MS NT5 ISAKMPOAKLEY (Windows Server 2008 R2)", VendorIdFeature.Microsoft)]
    [InlineData("1e2b516905991c7d7c96fcbfb587e46100000002", "MS NT5 ISAKMPOAKLEY (Windows 2000)", VendorIdFeature.Microsoft)]
    [InlineData("12f5f28c457168a9702d9fe274cc0100", "CISCO-UNITY (1.0)", VendorIdFeature.CiscoUnity)]
    [InlineData("4048b7d56ebce88525e7de7f00d6c2d380000000", "FRAGMENTATION", VendorIdFeature.Fragmentation)]
    [InlineData("4a131c81070358455c5728f20e95452f", "RFC 3947 Negotiation of NAT-Traversal in the IKE", VendorIdFeature.NatTraversalRfc)]
    [InlineData("fb1de3cdf341b7ea16b7e5be0855f120", "MS-Negotiation Discovery Capable", VendorIdFeature.Microsoft)]
    [InlineData("e3a5966a76379fe707228231e5ce8652", "IKE CGA version 1", VendorIdFeature.Microsoft)]
    public void Vendor_ids_match_by_prefix_and_decode_their_suffix(string hex, string label, VendorIdFeature feature)
    {
        Assert.True(VendorIds.TryMatch(Convert.FromHexString(hex), out VendorIdMatch match));
        Assert.Equal(label, match.Label);
        Assert.True(match.Features.HasFlag(feature));
    }

    [Fact]
    public void Exact_vendor_id_with_trailing_bytes_does_not_match()
    {
        Assert.False(VendorIds.TryMatch(Convert.FromHexString("4a131c81070358455c5728f20e95452f00"), out _));
    }
}
