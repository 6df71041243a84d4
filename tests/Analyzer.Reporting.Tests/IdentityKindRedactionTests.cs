using Analyzer.Protocols.Ike.Registry;
using Analyzer.Reporting.Redaction;

namespace Analyzer.Reporting.Tests;

/// <summary>
/// An IKE identity is pseudonymised by what its type number says it is (<see cref="IdentityKind"/>),
/// never by searching its type name.
/// </summary>
public sealed class IdentityKindRedactionTests
{
    [Theory]
    [InlineData(IdentityKind.User, "gateway", SecretKind.User)]          // a user id without '@' is still a user
    [InlineData(IdentityKind.Host, "CN=looks-like-a-subject", SecretKind.Host)]
    [InlineData(IdentityKind.DirectoryName, "vpn.example", SecretKind.Subject)]
    [InlineData(IdentityKind.KeyId, "0a1b2c", SecretKind.KeyId)]
    public void Identity_kind_decides_the_pseudonym_kind_whatever_the_value_looks_like(IdentityKind kind, string value, SecretKind expected) =>
        Assert.Equal(expected, FieldKinds.OfIdentity(kind, value));

    [Fact]
    public void Address_identity_is_scrubbed_as_an_address_and_a_damaged_one_as_a_name()
    {
        Assert.Null(FieldKinds.OfIdentity(IdentityKind.Address, "198.51.100.7"));
        Assert.Equal(SecretKind.Host, FieldKinds.OfIdentity(IdentityKind.Address, "de"));
    }

    [Theory]
    [InlineData(IdentificationTypes.Ipv4Subnet, false, IdentityKind.Address)]
    [InlineData(IdentificationTypes.Ipv4Subnet, true, IdentityKind.Unknown)]   // IKEv2 left 4 unassigned
    [InlineData(IdentificationTypes.UserFqdn, false, IdentityKind.User)]      // USER_FQDN
    [InlineData(IdentificationTypes.UserFqdn, true, IdentityKind.User)]       // RFC822_ADDR
    [InlineData(IdentificationTypes.DerAsn1Gn, true, IdentityKind.DirectoryName)]
    [InlineData(12, true, IdentityKind.Unknown)]                              // FC_NAME
    public void Identity_kind_comes_from_the_type_number_and_version(byte type, bool v2, IdentityKind expected) =>
        Assert.Equal(expected, IdentificationTypes.KindOf(type, v2));
}
