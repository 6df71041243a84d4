using Analyzer.Diagnosis.Facts;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Diagnosis.Tests.Facts;

/// <summary>
/// The algorithms a daemon log names, judged by the one owner of the tables (RFC 8247 for IKE lines, RFC 8221 for ESP lines): strongSwan's "selected
/// proposal" lines (lab: samples/captures/weak-proposals, syslog-weak-proposals, healthy-psk) and
/// Libreswan's "IKE SA established {... cipher= integ= group=}" fields (lab: libreswan-*; the weak one
/// filled with names from Libreswan 4.10's algorithm table, as pluto prints them at start-up).
/// </summary>
public sealed class LoggedAlgorithmsTests
{
    [Theory]
    [InlineData("IKE:3DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024", "MODP_1024 (SHOULD NOT, deprecated: RFC 8247 §3.4)")]
    [InlineData("IKE:3DES_CBC/HMAC_MD5_96/PRF_HMAC_MD5/MODP_1024", "HMAC_MD5_96 (MUST NOT: RFC 8247 §3.3), PRF_HMAC_MD5 (MUST NOT: RFC 8247 §3.2), MODP_1024 (SHOULD NOT, deprecated: RFC 8247 §3.4)")]
    [InlineData("ESP:3DES_CBC/HMAC_MD5_96/NO_EXT_SEQ", "3DES_CBC (SHOULD NOT, deprecated: RFC 8221 §5), HMAC_MD5_96 (MUST NOT: RFC 8221 §6)")]
    [InlineData("ESP:AES_CBC_128/NO_EXT_SEQ", "")] // a line naming no integrity algorithm is no evidence of AUTH_NONE
    [InlineData("IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048", "")]
    [InlineData("ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ", "")]
    public void Strongswan_selected_proposal_names_its_weak_algorithms(string proposal, string weak)
    {
        SecurityProtocol protocol = LoggedAlgorithms.ProposalProtocol(proposal) ?? SecurityProtocol.Ike;
        Assert.Equal(weak, string.Join(", ", LoggedAlgorithms.Weak(LoggedAlgorithms.ProposalNames(proposal), protocol)));
    }

    [Theory]
    [InlineData("AES_CBC_256", "HMAC_SHA2_256", "MODP2048", "")]
    [InlineData("3DES_CBC_192", "HMAC_MD5", "MODP1024", "HMAC_MD5 (MUST NOT: RFC 8247 §3.2), MODP1024 (SHOULD NOT, deprecated: RFC 8247 §3.4)")]
    [InlineData("AES_GCM_16_256", "HMAC_SHA1", "DH19", "")]
    public void Libreswan_established_fields_name_their_weak_algorithms(string cipher, string integ, string group, string weak)
    {
        Assert.Equal(weak, string.Join(", ", LoggedAlgorithms.Weak([cipher, integ, group], SecurityProtocol.Ike)));
    }

    [Fact]
    public void Unknown_names_are_skipped_not_judged()
    {
        Assert.Empty(LoggedAlgorithms.Read(["NO_EXT_SEQ", "SOMETHING_NEW_9000", ""]));
    }
}
