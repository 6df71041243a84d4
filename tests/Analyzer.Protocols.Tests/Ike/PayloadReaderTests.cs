using Analyzer.Core;
using Analyzer.Protocols.Ike.Payloads;
using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Protocols.Tests.Ike;

/// <summary>Payload bodies. The SA payload is real (strongSwan lab, healthy-psk Main Mode 1); the others are synthetic edge cases.</summary>
public sealed class PayloadReaderTests
{
    // Security Association body from the lab's healthy-psk MM1 (tshark: DOI IPSEC, 1 proposal, AES-CBC-256/SHA2-256/PSK/modp2048).
    private const string LabSaBody = "00000001000000010000002c01010001000000240101000080010007800e0100800200048004000e80030001800b0001800c3de0";

    [Fact]
    public void Phase_1_sa_payload_gives_its_transform_attributes()
    {
        var proposals = new List<SaProposal>();
        Assert.True(SecurityAssociationReader.TryRead(Convert.FromHexString(LabSaBody), 0, out uint doi, out uint situation, proposals, out _));
        Assert.Equal(1u, doi);
        Assert.Equal(1u, situation);
        SaTransform transform = Assert.Single(Assert.Single(proposals).Transforms);
        Assert.Equal(7, transform.Attribute(Ikev1AttributeNames.Phase1Encryption));
        Assert.Equal(256, transform.Attribute(Ikev1AttributeNames.Phase1KeyLength));
        Assert.Equal("SHA2-256", Ikev1AttributeNames.ValueName(true, Ikev1AttributeNames.Phase1Hash, 4));
        Assert.Equal("modp2048", Ikev1AttributeNames.ValueName(true, Ikev1AttributeNames.Phase1GroupDescription, 14));
        Assert.Equal("Pre-Shared Key", Ikev1AttributeNames.ValueName(true, Ikev1AttributeNames.Phase1AuthenticationMethod, 1));
        Assert.Equal(15840, transform.Attribute(Ikev1AttributeNames.Phase1LifeDuration));
    }

    [Fact]
    public void Attribute_length_past_the_transform_is_a_bad_length_at_its_field()
    {
        var attributes = new List<SaAttribute>();
        Assert.False(AttributeReader.TryReadAll([0x00, 0x01, 0x00, 0x09, 1, 2], 100, attributes, out ParseError error));
        Assert.Equal(ParseErrorKind.BadLength, error.Kind);
        Assert.Equal(102, error.Offset);
    }

    [Fact]
    public void Ikev1_identification_reads_protocol_port_and_address()
    {
        Assert.True(IdentificationPayload.TryRead([1, 17, 0x06, 0xA5, 192, 0, 2, 10], false, 0, 256, out IdentificationPayload? id, out _));
        Assert.Equal((IdentificationTypes.Ipv4Address, "192.0.2.10", (byte)17, (ushort)1701), (id!.IdType, id.Value, id.Protocol, id.Port));
        Assert.Equal("192.0.2.10 udp/1701", id.Display);
    }

    [Theory]
    [InlineData(3, "client@lab.example", 18, false)]        // USER_FQDN as text
    [InlineData(3, "client@lab.example", 6, true)]
    [InlineData(11, "key-id", 12, false)]                   // KEY_ID as hex: 12 characters
    [InlineData(11, "key-id", 11, true)]
    public void Identification_longer_than_the_string_limit_is_cut_and_flagged(byte type, string data, int limit, bool cut)
    {
        byte[] body = [type, 0, 0, 0, .. System.Text.Encoding.ASCII.GetBytes(data)];
        Assert.True(IdentificationPayload.TryRead(body, false, 0, limit, out IdentificationPayload? id, out _));
        Assert.Equal(cut, id!.ValueCut);
        Assert.Equal(cut ? limit + 1 : limit, id.Value.Length);
    }

    [Fact]
    public void Proposals_past_the_bound_stop_the_sa_payload_with_a_limit_error()
    {
        // Proposal #1, ISAKMP, no SPI, no transform; next = 2 (another proposal) on every copy.
        byte[] proposal = [2, 0, 0, 8, 1, 1, 0, 0];
        byte[] chain = [.. Enumerable.Repeat(proposal, SecurityAssociationReader.MaxProposals + 1).SelectMany(p => p)];
        var proposals = new List<SaProposal>();

        Assert.False(Analyzer.Protocols.Ike.V2.Ikev2SecurityAssociationReader.TryRead(chain, 40, proposals, out ParseError error));
        Assert.Equal(ParseErrorKind.LimitReached, error.Kind);
        Assert.Equal(40 + (8 * SecurityAssociationReader.MaxProposals), error.Offset);
        Assert.Equal(SecurityAssociationReader.MaxProposals, proposals.Count);
    }

    [Fact]
    public void Attributes_past_the_bound_stop_the_run_with_a_limit_error()
    {
        byte[] attribute = [0x80, 0x01, 0x00, 0x07];   // TV: encryption algorithm 7 (AES-CBC)
        byte[] run = [.. Enumerable.Repeat(attribute, AttributeReader.MaxAttributes + 1).SelectMany(a => a)];
        var attributes = new List<SaAttribute>();

        Assert.False(AttributeReader.TryReadAll(run, 0, attributes, out ParseError error));
        Assert.Equal(ParseErrorKind.LimitReached, error.Kind);
        Assert.Equal(4 * AttributeReader.MaxAttributes, error.Offset);
    }

    [Fact]
    public void Notify_spi_size_past_the_body_is_reported()
    {
        Assert.False(NotificationPayload.TryRead([0, 0, 0, 1, 3, 200, 0, 14], false, 40, out _, out ParseError error));
        Assert.Equal(ParseErrorKind.BadLength, error.Kind);
        Assert.Equal(45, error.Offset);
    }

    [Fact]
    public void Delete_lists_each_spi()
    {
        Assert.True(DeletePayload.TryRead([0, 0, 0, 1, 3, 4, 0, 2, 1, 2, 3, 4, 5, 6, 7, 8], false, 0, out DeletePayload? delete, out _));
        Assert.Equal(2, delete!.Spis.Count);
        Assert.Equal("IPSEC_ESP", ProtocolIds.V1.Name(delete.ProtocolId));
    }

    [Fact]
    public void Delete_claiming_more_spis_than_present_is_a_bad_length()
    {
        Assert.False(DeletePayload.TryRead([3, 4, 0xFF, 0xFF, 1, 2, 3, 4], true, 0, out _, out ParseError error));
        Assert.Equal(ParseErrorKind.BadLength, error.Kind);
    }

    [Fact]
    public void Ikev1_fragment_reads_id_number_and_last_flag()
    {
        Assert.True(FragmentPayload.TryRead([0, 1, 3, 1, 0xAB], false, 0, out FragmentPayload? fragment, out _));
        Assert.Equal((1, 3, true, (int?)null), (fragment!.FragmentId, fragment.Number, fragment.Last, fragment.Total));
    }

    [Fact]
    public void Ikev2_fragment_number_beyond_total_is_a_bad_value()
    {
        Assert.False(FragmentPayload.TryRead([0, 5, 0, 3], true, 8, out _, out ParseError error));
        Assert.Equal((ParseErrorKind.BadValue, 8L), (error.Kind, error.Offset));
    }
}
