using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Protocols.Tests.Ike;

/// <summary>Registry classifications later stages read instead of names.</summary>
public sealed class TypedRegistryTests
{
    [Fact]
    public void Every_named_ikev1_authentication_method_has_a_credential()
    {
        for (int method = 0; method <= 65535; method++)
        {
            if (Ikev1AttributeNames.AuthenticationMethods.IsKnown(method))
            {
                Assert.NotEqual(AuthenticationCredential.Unknown, AuthenticationCredentials.OfIkev1Method(method));
            }
        }
    }

    [Fact]
    public void Only_ikev1_method_values_carry_a_credential()
    {
        Assert.Equal(AuthenticationCredential.PreSharedKey, AuthenticationCredentials.Of(new TransformValue(TransformRegistry.V1AuthenticationMethod, 1)));
        // The same number in another registry (PRF_HMAC_MD5) says nothing about authentication.
        Assert.Equal(AuthenticationCredential.Unknown, AuthenticationCredentials.Of(new TransformValue(TransformRegistry.V2Prf, 1)));
        Assert.Equal(AuthenticationCredential.Unknown, AuthenticationCredentials.Of(null));
    }

    [Fact]
    public void Microsoft_vendor_id_gives_its_windows_version_as_a_number()
    {
        byte[] vid = Convert.FromHexString("1e2b516905991c7d7c96fcbfb587e46100000008");

        Assert.True(VendorIds.TryMatch(vid, out VendorIdMatch match));

        Assert.Equal(8u, match.WindowsVersion);
        Assert.True((match.Features & VendorIdFeature.Microsoft) != 0);
        Assert.Equal("Windows Server 2008 R2", VendorIds.WindowsVersion(match.WindowsVersion!.Value));
    }

    [Fact]
    public void Other_vendor_ids_carry_no_windows_version()
    {
        Assert.True(VendorIds.TryMatch(Convert.FromHexString("4a131c81070358455c5728f20e95452f"), out VendorIdMatch natT));
        Assert.Null(natT.WindowsVersion);
    }

    [Theory]
    [InlineData(PayloadType.SecurityAssociation, "SA")]
    [InlineData(PayloadType.V2SecurityAssociation, "SA")]
    [InlineData(PayloadType.V2IdentificationInitiator, "IDi")]
    [InlineData(PayloadType.V2Encrypted, "SK")]
    [InlineData(PayloadType.NatDiscoveryDraft, "NAT-D")]
    [InlineData(PayloadType.Ikev1Fragment, "Cisco-Fragmentation")]
    public void Payload_abbreviation_comes_from_the_type(PayloadType type, string expected) =>
        Assert.Equal(expected, PayloadAbbreviations.Of(type));

    [Theory]
    [InlineData(EncapsulationModes.Tunnel, true)]
    [InlineData(EncapsulationModes.UdpEncapsulatedTunnel, true)]
    [InlineData(EncapsulationModes.UdpEncapsulatedTunnelDraft, true)]
    [InlineData(EncapsulationModes.Transport, false)]
    [InlineData(EncapsulationModes.UdpEncapsulatedTransport, false)]
    [InlineData(61440, false)] // Check Point's UDP encapsulation: not a tunnel mode by itself
    public void Tunnel_modes_are_known_by_number(int mode, bool tunnel) =>
        Assert.Equal(tunnel, EncapsulationModes.IsTunnel(mode));
}
