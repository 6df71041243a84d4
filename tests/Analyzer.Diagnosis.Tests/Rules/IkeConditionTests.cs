using System.Security.Cryptography.X509Certificates;
using Analyzer.Core;
using Analyzer.Diagnosis.Tests.Support;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Tests.Rules;

/// <summary>
/// The IKE rules of the catalogue on Case objects built from the session model (synthetic, shaped
/// like the lab scenarios named in each test): each must fire on its failure and stay quiet on a healthy SA.
/// </summary>
public sealed class IkeConditionTests
{
    /// <summary>An IKEv1 notify (the drafts' SAs are IKEv1): its number only; the registry names it.</summary>
    private static IkeNotifyObservation Notify(ushort type, bool fromInitiator = false, bool encrypted = false) =>
        new(default, type, V2: false, fromInitiator, encrypted);

    private static CaseDraft Healthy()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.MainMode(sa, 0);
        draft.QuickMode(sa, 1);
        draft.Esp(sa, true, 40, 1.5, 20, 0xc0000001);
        draft.Esp(sa, false, 38, 1.6, 20, 0xc0000002);
        draft.EndAt(30);
        return draft;
    }

    [Fact]
    public void Healthy_sa_reports_ipsec_established_and_nothing_worse()
    {
        DiagnosisResult result = Catalogue.Diagnose(Healthy().Build());
        Assert.Equal("ipsec-established", Assert.Single(result.Findings).RuleId);
        Assert.False(result.HasProblems);
    }

    [Fact]
    public void Repeated_unanswered_first_message_fires_ike_no_response()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        for (int i = 0; i < 4; i++)
        {
            draft.Message(sa, IkeExchangeKind.MainMode, 1, true, i * 5);
        }

        sa.State = IkeSaState.NoResponse;
        DiagnosisResult result = Catalogue.Diagnose(draft.Build());
        Finding finding = Catalogue.Finding(result, "ike-no-response");
        Assert.Contains("4 times", finding.Summary, StringComparison.Ordinal);
        Assert.Equal(4, finding.Evidence.Count);
        Assert.Equal("isakmp.ispi == 1122334455667788", finding.Evidence[0].DisplayFilter);
        Assert.Same(finding, result.Verdict);
    }

    [Fact]
    public void A_single_first_message_is_not_yet_no_response()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.Message(sa, IkeExchangeKind.MainMode, 1, true, 0);
        Assert.DoesNotContain("ike-no-response", Catalogue.FiredIds(draft.Build()));
    }

    [Fact]
    public void Silence_on_udp_4500_after_nat_discovery_fires_natt_blocked_not_auth_failure()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(initiator: new NetEndpoint(NetAddress.Parse("198.51.100.2"), 500));
        sa.Nat.InitiatorSupportsNatT = true;
        sa.Nat.ResponderSupportsNatT = true;
        sa.Nat.InitiatorBehindNat = true;
        sa.Nat.FloatedToPort4500 = true;
        draft.MainMode(sa, 0, upTo: 4);
        for (int i = 0; i < 3; i++)
        {
            draft.Message(sa, IkeExchangeKind.MainMode, 5, true, 1 + (i * 4), port: 4500, encrypted: true);
        }

        IReadOnlyList<string> fired = Catalogue.FiredIds(draft.Build());
        Assert.Contains("natt-udp4500-blocked", fired);
        Assert.Contains("nat-detected", fired);
        Assert.DoesNotContain("phase1-auth-failed", fired);
        Assert.DoesNotContain("ike-no-response", fired);
        Assert.Equal("natt-udp4500-blocked", fired[0]);
    }

    [Fact]
    public void Server_side_silence_after_message_4_with_nat_fires_natt_blocked_once_the_capture_watched_long_enough()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(initiator: new NetEndpoint(NetAddress.Parse("198.51.100.2"), 500));
        sa.Nat.InitiatorSupportsNatT = true;
        sa.Nat.ResponderSupportsNatT = true;
        sa.Nat.InitiatorBehindNat = true;
        draft.MainMode(sa, 0, upTo: 4);
        draft.EndAt(2);
        Assert.DoesNotContain("natt-udp4500-blocked", Catalogue.FiredIds(draft.Build()));
        draft.EndAt(10);
        Assert.Contains("natt-udp4500-blocked", Catalogue.FiredIds(draft.Build()));
    }

    [Fact]
    public void Message_5_on_4500_answered_by_an_informational_on_500_is_auth_failure_not_natt_blocked()
    {
        // The lab's psk-mismatch: charon floats to 4500 and the responder answers each MM5 on port 500.
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        sa.Nat.InitiatorSupportsNatT = true;
        sa.Nat.ResponderSupportsNatT = true;
        sa.Nat.InitiatorBehindNat = true;
        sa.Nat.FloatedToPort4500 = true;
        draft.MainMode(sa, 0, upTo: 4);
        for (int i = 0; i < 3; i++)
        {
            draft.Message(sa, IkeExchangeKind.MainMode, 5, true, 1 + (i * 3), port: 4500, encrypted: true);
            draft.Message(sa, IkeExchangeKind.Informational, 0, false, 1.01 + (i * 3), encrypted: true, messageId: (uint)(70 + i));
        }

        sa.State = IkeSaState.Failed;
        IReadOnlyList<string> fired = Catalogue.FiredIds(draft.Build());
        Assert.Contains("phase1-auth-failed", fired);
        Assert.DoesNotContain("natt-udp4500-blocked", fired);
    }

    [Fact]
    public void Incomplete_fragments_at_the_server_fire_ike_fragments_lost_not_natt_blocked()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(method: 3 /* RSA Signature */);
        sa.Nat.InitiatorSupportsNatT = true;
        sa.Nat.ResponderSupportsNatT = true;
        sa.Nat.InitiatorBehindNat = true;
        draft.MainMode(sa, 0, upTo: 4);
        byte[] firstBytes = new byte[20];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(firstBytes.AsSpan(12), sa.InitiatorCookie);
        draft.Lose(new Analyzer.Protocols.Traffic.IncompleteIpDatagram(17,
            sa.Initiator with { Port = 4500 }, sa.Responder with { Port = 4500 }, 77, [draft.Frame(0.2)], [(0, 1480)], null, firstBytes));
        draft.EndAt(10);
        IReadOnlyList<string> fired = Catalogue.FiredIds(draft.Build());
        Assert.Contains("ike-fragments-lost", fired);
        Assert.DoesNotContain("natt-udp4500-blocked", fired);
    }

    [Fact]
    public void Fragments_of_another_sa_are_not_counted()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(method: 3 /* RSA Signature */);
        draft.MainMode(sa, 0, upTo: 4);
        byte[] firstBytes = new byte[20];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(firstBytes.AsSpan(12), 0x0102030405060708);
        draft.Lose(new Analyzer.Protocols.Traffic.IncompleteIpDatagram(17,
            sa.Initiator with { Port = 4500 }, sa.Responder with { Port = 4500 }, 77, [draft.Frame(0.2)], [(0, 1480)], null, firstBytes));
        Assert.DoesNotContain("ike-fragments-lost", Catalogue.FiredIds(draft.Build()));
    }

    [Fact]
    public void Repeated_message_5_after_messages_1_to_4_is_a_psk_mismatch()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.MainMode(sa, 0, upTo: 4);
        for (int i = 0; i < 3; i++)
        {
            draft.Message(sa, IkeExchangeKind.MainMode, 5, true, 1 + (i * 4), encrypted: true);
        }

        sa.State = IkeSaState.Failed;
        DiagnosisResult result = Catalogue.Diagnose(draft.Build());
        Finding finding = Catalogue.Finding(result, "phase1-auth-failed");
        Assert.Contains("pre-shared keys", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("message 5 was sent 3 times", finding.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("ike-fragments-lost", result.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Encrypted_informational_answering_message_5_is_an_authentication_failure()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(method: 3 /* RSA Signature */);
        draft.MainMode(sa, 0, upTo: 5);
        draft.Message(sa, IkeExchangeKind.Informational, 0, false, 1, encrypted: true, messageId: 0x55);
        sa.State = IkeSaState.Failed;
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "phase1-auth-failed");
        Assert.Contains("certificate", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Authentication_failed_notify_fires_phase1_auth_failed()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.MainMode(sa, 0, upTo: 5);
        draft.Message(sa, IkeExchangeKind.Informational, 0, false, 1, messageId: 9, notify: Notify(NotifyTypes.V1AuthenticationFailed));
        sa.State = IkeSaState.Failed;
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "phase1-auth-failed");
        Assert.Contains("AUTHENTICATION-FAILED", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Fragmented_message_5_that_never_gets_answered_fires_ike_fragments_lost_not_auth()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(method: 3 /* RSA Signature */);
        draft.MainMode(sa, 0, upTo: 4);
        for (int i = 0; i < 3; i++)
        {
            draft.Message(sa, IkeExchangeKind.MainMode, 5, true, 1 + (i * 4), ipFragments: 6, encrypted: true, length: 8600);
        }

        sa.State = IkeSaState.Failed;
        IReadOnlyList<string> fired = Catalogue.FiredIds(draft.Build());
        Assert.Contains("ike-fragments-lost", fired);
        Assert.DoesNotContain("phase1-auth-failed", fired);
    }

    [Fact]
    public void No_proposal_chosen_fires_proposal_mismatch_listing_the_offer()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.Message(sa, IkeExchangeKind.MainMode, 1, true, 0);
        draft.Message(sa, IkeExchangeKind.Informational, 0, false, 0.1, messageId: 0, notify: Notify(NotifyTypes.V1NoProposalChosen));
        sa.Exchanges[0].State = ExchangeState.RejectedByNotify;
        sa.Exchanges[0].RejectingNotify = sa.Notifies[0];
        sa.State = IkeSaState.Failed;
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "phase1-proposal-mismatch");
        Assert.Contains("AES-CBC-256/SHA2-256", finding.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("ike-no-response", Catalogue.FiredIds(draft.Build()));
    }

    [Fact]
    public void Quick_mode_failing_after_phase_1_fires_phase2_rejected()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.MainMode(sa, 0);
        draft.QuickMode(sa, 1, complete: false);
        draft.QuickMode(sa, 5, complete: false, messageId: 0xabcd0002);
        IReadOnlyList<string> fired = Catalogue.FiredIds(draft.Build());
        Assert.Contains("phase2-rejected", fired);
        Assert.DoesNotContain("esp-not-received", fired);
    }

    [Fact]
    public void Esp_in_one_direction_only_fires_esp_not_received()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.MainMode(sa, 0);
        draft.QuickMode(sa, 1);
        draft.Esp(sa, true, 12, 1.5, 20, 0xc0000001);
        draft.EndAt(30);
        DiagnosisResult result = Catalogue.Diagnose(draft.Build());
        Finding finding = Catalogue.Finding(result, "esp-not-received");
        Assert.Contains("capture0.pcap: 12 from the client, 0 from the server", finding.Summary, StringComparison.Ordinal);
        Assert.Equal(["A1"], finding.Attempts);
        Assert.DoesNotContain("ipsec-established", result.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Aggressive_mode_with_psk_says_the_key_is_exposed()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(IkeExchangeKind.AggressiveMode);
        draft.Message(sa, IkeExchangeKind.AggressiveMode, 1, true, 0);
        draft.Message(sa, IkeExchangeKind.AggressiveMode, 2, false, 0.1);
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "aggressive-mode");
        Assert.Contains("offline cracking", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Des_md5_and_group_2_offered_fire_weak_crypto()
    {
        CaseDraft draft = Healthy();
        IkeSa sa = draft.Capture.IkeSas[0];
        sa.Proposals.Add(new IkeProposal(1, 2, SecurityProtocol.Ike, false, null, 28800)
        {
            Algorithms = [new(TransformRegistry.V1Encryption, 1), new(TransformRegistry.V1Hash, 1), new(TransformRegistry.V1AuthenticationMethod, 1), new(TransformRegistry.DhGroup, 2)],
        });
        sa.Chosen = sa.Proposals[0];
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "weak-crypto");
        Assert.Contains("DES-CBC (MUST NOT: RFC 8247 §3.1), MD5 (MUST NOT: RFC 8247 §3.2), modp1024 (SHOULD NOT, deprecated: RFC 8247 §3.4)", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("chosen by 203.0.113.1:500: none", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Triple_des_and_group_14_are_not_weak_in_an_ike_sa_per_rfc8247()
    {
        CaseDraft draft = Healthy();
        IkeSa sa = draft.Capture.IkeSas[0];
        sa.Proposals.Add(new IkeProposal(1, 2, SecurityProtocol.Ike, false, null, 28800)
        {
            Algorithms = [new(TransformRegistry.V1Encryption, 5), new(TransformRegistry.V1Hash, 2), new(TransformRegistry.V1AuthenticationMethod, 1), new(TransformRegistry.DhGroup, 14)],
        });
        Assert.DoesNotContain("weak-crypto", Catalogue.FiredIds(draft.Build()));
    }

    [Fact]
    public void Quick_mode_offering_esp_3des_fires_weak_crypto_as_deprecated_per_rfc8221_section_5()
    {
        CaseDraft draft = Healthy();
        IkeSa sa = draft.Capture.IkeSas[0];
        IkeExchange quickMode = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.QuickMode);
        quickMode.ChildSa = new ChildSaNegotiation();
        var esp = new IkeProposal(1, 1, SecurityProtocol.Esp, false, null, 3600)
        {
            Algorithms = [new(TransformRegistry.V1EspTransform, 3), new(TransformRegistry.V1Phase2Authentication, 5)],
        };
        quickMode.ChildSa.Offered.Add(esp);
        quickMode.ChildSa.Chosen = esp;
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "weak-crypto");
        Assert.Contains("chosen by 203.0.113.1:500: 3DES (SHOULD NOT, deprecated: RFC 8221 §5)", finding.Summary, StringComparison.Ordinal);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Chosen_esp_null_is_not_weak_but_weak_crypto_says_the_payload_travels_unencrypted()
    {
        CaseDraft draft = Healthy();
        IkeSa sa = draft.Capture.IkeSas[0];
        IkeExchange quickMode = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.QuickMode);
        quickMode.ChildSa = new ChildSaNegotiation();
        quickMode.ChildSa.Chosen = new IkeProposal(1, 1, SecurityProtocol.Esp, false, null, 3600)
        {
            Algorithms = [new(TransformRegistry.V1EspTransform, 11), new(TransformRegistry.V1Phase2Authentication, 5)],
        };
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "weak-crypto");
        Assert.Contains("chosen by 203.0.113.1:500: none", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("NULL cipher (RFC 2410): integrity only", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Expired_certificate_at_capture_time_fires_certificate_validity()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(method: 3 /* RSA Signature */);
        draft.MainMode(sa, 0, upTo: 5);
        sa.Certificates.Add(new IkeCertificate(sa.Messages[4].Frame, true, CertificateEncodings.X509Signature, "CN=client1", "CN=Lab CA",
            new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), 2048, "01", null));
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "certificate-validity");
        Assert.Contains("CN=client1", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("expired", finding.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(X509KeyUsageFlags.KeyEncipherment, true)]
    [InlineData(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DigitalSignature, false)]
    [InlineData(X509KeyUsageFlags.NonRepudiation, false)]
    public void Key_usage_without_digital_signature_is_read_from_the_flags_not_their_names(X509KeyUsageFlags usage, bool fires)
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(method: 3 /* RSA Signature */);
        draft.MainMode(sa, 0, upTo: 5);
        sa.Certificates.Add(new IkeCertificate(sa.Messages[4].Frame, true, CertificateEncodings.X509Signature, "CN=client1", "CN=Lab CA", null, null, 2048, "01", null)
        { KeyUsage = usage });
        List<Finding> findings = Catalogue.Diagnose(draft.Build()).Findings;
        Assert.Equal(fires, findings.Any(f => f.RuleId == "certificate-validity" && f.Summary.Contains("without digitalSignature", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("CN=Other CA, O=Elsewhere", true)]
    [InlineData("cn=Lab Root CA,o=Lab,c=CH", false)]
    [InlineData("C=CH, O=Lab, CN=Lab Root CA", false)]
    public void Certificate_issuer_is_compared_with_the_cas_the_peer_asked_for(string issuer, bool fires)
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(method: 3 /* RSA Signature */);
        draft.MainMode(sa, 0, upTo: 5);
        sa.CertificateRequests.Add(new IkeCertificateRequest(sa.Messages[3].Frame, false, CertificateEncodings.X509Signature, "C=CH, O=Lab, CN=Lab Root CA"));
        sa.Certificates.Add(new IkeCertificate(sa.Messages[4].Frame, true, CertificateEncodings.X509Signature, "CN=client", issuer, null, null, 2048, null, null));
        DiagnosisResult result = Catalogue.Diagnose(draft.Build());
        Assert.Equal(fires, result.Findings.Exists(f => f.RuleId == "no-common-ca"));
        if (fires)
        {
            Assert.Contains("Other CA", Catalogue.Finding(result, "no-common-ca").Summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Private_initiator_with_a_peer_without_nat_t_fires_nat_t_unsupported()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(initiator: new NetEndpoint(NetAddress.Parse("192.168.1.20"), 500));
        sa.Nat.InitiatorSupportsNatT = true;
        draft.MainMode(sa, 0, upTo: 2);
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "nat-t-unsupported");
        Assert.Contains("192.168.1.20 is a private address", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("only the initiator announced NAT-T", finding.Summary, StringComparison.Ordinal);
    }

    /// <summary>A first client (port 500) with an established SA behind 198.51.100.2, and a second client's SA from another port.</summary>
    private static (CaseDraft Draft, IkeSa First, IkeSa Second) ClientsBehindOneNat(ushort secondPort)
    {
        var draft = new CaseDraft();
        var nat = NetAddress.Parse("198.51.100.2");
        IkeSa first = draft.Sa(initiator: new NetEndpoint(nat, 500), cookie: 1);
        draft.MainMode(first, 0);
        return (draft, first, draft.Sa(initiator: new NetEndpoint(nat, secondPort), cookie: 2));
    }

    [Fact]
    public void Two_clients_behind_one_address_where_the_second_fails_fire_second_client_behind_nat()
    {
        (CaseDraft draft, _, IkeSa second) = ClientsBehindOneNat(1024);
        for (int i = 0; i < 3; i++)
        {
            draft.Message(second, IkeExchangeKind.MainMode, 1, true, 10 + (i * 5));
        }

        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "second-client-behind-nat");
        Assert.Contains("198.51.100.2", finding.Summary, StringComparison.Ordinal);
        Assert.Contains("port 1024 never completed", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Earlier_client_deleted_when_a_later_one_connects_fires_second_client_behind_nat()
    {
        // The lab's second-client-nat-fails at the server: client 2 negotiates from the same NAT address,
        // the server deletes client 1's SA in the middle of it, client 2 then runs for ten seconds.
        (CaseDraft draft, IkeSa first, IkeSa second) = ClientsBehindOneNat(189);
        draft.MainMode(second, 6.56);
        draft.Message(first, IkeExchangeKind.Informational, 0, false, 6.575, port: 4500, encrypted: true, messageId: 5);
        first.State = IkeSaState.Deleted;
        draft.Message(second, IkeExchangeKind.Informational, 0, true, 16.1, port: 4500, encrypted: true, messageId: 6);
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "second-client-behind-nat");
        Assert.Contains("port 500 stopped (its SA deleted) soon after the client on port 189", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_clients_behind_one_address_both_up_do_not_fire()
    {
        (CaseDraft draft, IkeSa first, IkeSa second) = ClientsBehindOneNat(1024);
        draft.MainMode(second, 6.6);
        // As in the lab's two-clients-one-nat: client 2 leaves at 16 s, client 1 at 20 s.
        draft.Message(second, IkeExchangeKind.Informational, 0, true, 16.3, port: 4500, encrypted: true, messageId: 5);
        draft.Message(first, IkeExchangeKind.Informational, 0, true, 20.5, port: 4500, encrypted: true, messageId: 6);
        Assert.DoesNotContain("second-client-behind-nat", Catalogue.FiredIds(draft.Build()));
    }

    [Fact]
    public void Windows_peer_offered_tunnel_mode_fires_l2tp_ipsec_mode_mismatch()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        sa.VendorIds.Add(new VendorIdObservation("1e2b516905991c7d7c96fcbfb587e46100000009", "MS NT5 ISAKMPOAKLEY (Windows 8 or later)", null, true)
        { Features = VendorIdFeature.Microsoft, WindowsVersion = 9 });
        draft.MainMode(sa, 0);
        IkeExchange quickMode = draft.QuickMode(sa, 1, complete: false);
        quickMode.Messages[0].Decrypted = true;
        quickMode.ChildSa = new ChildSaNegotiation { EncapsulationModeId = EncapsulationModes.Tunnel };
        quickMode.ChildSa.TrafficSelectors.Add(new IkeIdentity(quickMode.Messages[0].Frame, true, IdentificationTypes.Ipv4Subnet, false, "10.0.0.0/24", 0, 0) { Kind = IdentityKind.Address });
        IReadOnlyList<string> fired = Catalogue.FiredIds(draft.Build());
        Assert.Contains("l2tp-ipsec-mode-mismatch", fired);
        Assert.True(fired.ToList().IndexOf("l2tp-ipsec-mode-mismatch") < fired.ToList().IndexOf("phase2-rejected"));
    }

    [Fact]
    public void Esp_after_delete_and_trailing_unanswered_informationals_fire_their_rules()
    {
        CaseDraft draft = Healthy();
        IkeSa sa = draft.Capture.IkeSas[0];
        draft.Capture.EspFlows[0].PacketsAfterDelete = 7;
        for (int i = 0; i < 5; i++)
        {
            draft.Message(sa, IkeExchangeKind.Informational, 0, true, 25 + (i * 5), encrypted: true, messageId: (uint)(100 + i));
        }

        IReadOnlyList<string> fired = Catalogue.FiredIds(draft.Build());
        Assert.Contains("esp-after-delete", fired);
        Assert.Contains("dpd-timeout", fired);
    }
}
