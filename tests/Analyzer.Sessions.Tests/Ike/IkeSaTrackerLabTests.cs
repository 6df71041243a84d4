using Analyzer.Protocols.Ike;
using Analyzer.Protocols.Ike.Registry;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>Reconstruction of the lab's scenarios: each test names the behaviour the scenario was made to show.</summary>
public sealed class IkeSaTrackerLabTests
{
    [Fact]
    public void Healthy_main_and_quick_mode_complete_and_the_decrypted_quick_mode_gives_spis_and_l2tp_selectors()
    {
        CaptureModel model = LabScenario.Reconstruct("healthy-psk");
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Equal(IkeExchangeKind.MainMode, sa.Phase1);
        Assert.Contains(sa.State, new[] { IkeSaState.Established, IkeSaState.Deleted });
        Assert.Equal(ExchangeState.Completed, sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode).State);
        IkeExchange quick = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.QuickMode);
        Assert.Equal(ExchangeState.Completed, quick.State);
        Assert.True(sa.Decrypted);
        ChildSaNegotiation child = Assert.IsType<ChildSaNegotiation>(quick.ChildSa);
        Assert.Single(child.InitiatorSpis);
        Assert.Single(child.ResponderSpis);
        Assert.Equal(sa.ChildSpis.Order(), child.InitiatorSpis.Concat(child.ResponderSpis).Order());
        Assert.All(child.TrafficSelectors, ts => Assert.Equal((17, 1701), (ts.Protocol, ts.Port)));
        Assert.Equal(new TransformValue(TransformRegistry.V1AuthenticationMethod, 1), sa.AuthenticationMethod);
        Assert.Equal("RFC 3947 Negotiation of NAT-Traversal in the IKE", sa.Nat.NatTVersion);
        Assert.True(sa.Nat.InitiatorSupportsNatT && sa.Nat.ResponderSupportsNatT);
    }

    [Fact]
    public void Wrong_psk_leaves_main_mode_answered_by_an_encrypted_informational_after_message_5()
    {
        CaptureModel model = LabScenario.Reconstruct("psk-mismatch");
        IkeSa sa = Assert.Single(model.IkeSas);
        IkeExchange main = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode);
        Assert.Equal(ExchangeState.AnsweredByEncryptedInformational, main.State);
        Assert.Equal(5, main.StalledAfterMessage);
        Assert.Equal(IkeSaState.Failed, sa.State);
    }

    [Fact]
    public void Refused_phase_1_proposal_is_rejected_by_no_proposal_chosen_after_message_1()
    {
        CaptureModel model = LabScenario.Reconstruct("phase1-proposal-mismatch");
        IkeSa sa = Assert.Single(model.IkeSas);
        IkeExchange main = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode);
        Assert.Equal(ExchangeState.RejectedByNotify, main.State);
        Assert.Equal(NotifyTypes.V1NoProposalChosen, main.RejectingNotify?.Type);
        Assert.Equal(1, main.StalledAfterMessage);
        Assert.NotEmpty(sa.Proposals);
        Assert.Null(sa.Chosen);
    }

    [Fact]
    public void Refused_phase_2_proposal_is_seen_in_the_decrypted_informational_after_quick_mode_1()
    {
        CaptureModel model = LabScenario.Reconstruct("phase2-proposal-mismatch");
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Equal(ExchangeState.Completed, sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode).State);
        IkeExchange quick = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.QuickMode);
        Assert.Equal(ExchangeState.RejectedByNotify, quick.State);
        Assert.Equal(NotifyTypes.V1NoProposalChosen, quick.RejectingNotify?.Type);
        Assert.True(quick.RejectingNotify?.Encrypted);
    }

    [Fact]
    public void Unanswered_first_message_is_repeated_counted_once_and_leaves_the_sa_without_response()
    {
        CaptureModel model = LabScenario.Reconstruct("udp500-blocked");
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Equal(IkeSaState.NoResponse, sa.State);
        IkeExchange main = sa.Exchanges.Single();
        Assert.Equal(ExchangeState.NoResponse, main.State);
        Assert.Equal(1, main.StalledAfterMessage);
        Assert.True(main.LastMessageRepeated);
        Assert.True(sa.Messages.Count > 1);
        Assert.Single(sa.Messages, m => !m.Retransmission);
        Assert.All(sa.Messages, m => Assert.Equal(1, m.Number));
    }

    [Fact]
    public void Blocked_udp_4500_shows_the_float_and_message_5_unanswered_behind_a_nat()
    {
        CaptureModel model = LabScenario.Reconstruct("natt-udp4500-blocked");
        IkeSa sa = Assert.Single(model.IkeSas);
        IkeExchange main = sa.Exchanges.Single();
        Assert.Equal(ExchangeState.NoResponse, main.State);
        Assert.Equal(5, main.StalledAfterMessage);
        Assert.True(sa.Nat.FloatedToPort4500);
        Assert.True(sa.Nat.HashesVerified);
        Assert.True(sa.Nat.InitiatorBehindNat);
        Assert.True(sa.Nat.NatDetected);
        Assert.True(sa.Initiator.Address.IsPrivate);
        Assert.All(sa.Messages.Where(m => m.Number == 5), m => Assert.True(m.NatTraversal));
    }

    [Fact]
    public void Aggressive_mode_is_told_apart_and_ends_completed_with_message_3_or_rejected_by_the_responder()
    {
        CaptureModel model = LabScenario.Reconstruct("aggressive-psk");
        IkeSa sa = Assert.Single(model.IkeSas);
        Assert.Equal(IkeExchangeKind.AggressiveMode, sa.Phase1);
        IkeExchange aggressive = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.AggressiveMode);
        IkeMessage first = aggressive.Messages[0];
        Assert.Equal(1, first.Number);
        Assert.Contains(PayloadType.Identification, first.Payloads);
        if (aggressive.Messages.Any(m => m.Number == 3))
        {
            // The responder accepted: AM1, AM2, AM3.
            Assert.Equal(ExchangeState.Completed, aggressive.State);
            Assert.Equal(new[] { 1, 2, 3 }, aggressive.Messages.Where(m => !m.Retransmission).Select(m => m.Number));
        }
        else
        {
            // A responder that refuses Aggressive Mode answers AM1 with an Informational.
            Assert.Equal(ExchangeState.RejectedByNotify, aggressive.State);
            Assert.Equal(1, aggressive.StalledAfterMessage);
        }
    }

    [Fact]
    public void Ip_fragments_of_a_large_certificate_message_that_never_completed_are_tied_to_the_sa()
    {
        CaptureModel model = LabScenario.Reconstruct("large-cert-fragments-dropped", "server");
        if (model.IncompleteDatagrams.Count == 0)
        {
            Assert.Skip("this copy of the scenario holds no incomplete IP datagram");
        }

        IkeSa sa = Assert.Single(model.IkeSas);
        // Each retransmission of message 5 is its own IP datagram, and each lost its tail.
        Assert.NotEmpty(sa.LostDatagrams);
        Assert.All(sa.LostDatagrams, lost =>
        {
            Assert.True(lost.FromInitiator);
            Assert.True(lost.MatchedByCookies);
            Assert.Equal(IkeExchangeKind.MainMode, lost.Exchange);
            Assert.Equal(5, lost.ProbableMessage);
        });
    }

    [Fact]
    public void Ike_fragments_reassemble_into_main_mode_5_whose_certificate_is_decoded()
    {
        CaptureModel model = LabScenario.Reconstruct("ike-fragmentation");
        IkeSa sa = Assert.Single(model.IkeSas);
        IkeFragmentedMessage fragments = Assert.Single(sa.FragmentedMessages);
        Assert.True(fragments.Complete);
        Assert.True(fragments.FromInitiator);
        Assert.Equal(5, fragments.MessageNumber);
        Assert.Contains(sa.Certificates, c => c.FromInitiator && c.KeySizeBits > 4096 && c.Error is null);
        Assert.Equal(ExchangeState.Completed, sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode).State);
    }

    [Fact]
    public void Expired_certificate_is_decoded_with_its_validity_and_authentication_fails()
    {
        CaptureModel model = LabScenario.Reconstruct("cert-expired");
        IkeSa sa = Assert.Single(model.IkeSas);
        IkeCertificate certificate = Assert.Single(sa.Certificates, c => c.FromInitiator);
        Assert.True(certificate.NotAfter < sa.FirstFrame.Time.ToDateTime());
        IkeExchange main = sa.Exchanges.Single(e => e.Kind == IkeExchangeKind.MainMode);
        Assert.Equal(ExchangeState.RejectedByNotify, main.State);
        Assert.Equal(NotifyTypes.V1AuthenticationFailed, main.RejectingNotify?.Type);
    }

    [Fact]
    public void Certificate_from_an_untrusted_ca_has_an_issuer_the_peer_did_not_request()
    {
        CaptureModel model = LabScenario.Reconstruct("cert-untrusted-ca");
        IkeSa sa = Assert.Single(model.IkeSas);
        IkeCertificate certificate = Assert.Single(sa.Certificates, c => c.FromInitiator);
        var requested = sa.CertificateRequests.Where(r => !r.FromInitiator).Select(r => r.CertificateAuthority).ToList();
        Assert.NotEmpty(requested);
        Assert.DoesNotContain(certificate.Issuer, requested);
    }

    [Fact]
    public void Weak_proposal_names_md5_and_modp1024()
    {
        CaptureModel model = LabScenario.Reconstruct("weak-proposals");
        IkeSa sa = Assert.Single(model.IkeSas);
        string[] weak = [.. sa.Proposals.Append(sa.Chosen!).SelectMany(p => p.WeakAlgorithms).Select(w => w.Value.Name)];
        Assert.Contains("MD5", weak);
        Assert.Contains("modp1024", weak);
        // The cipher vpndiag decrypted with is the chosen transform's, a typed value (3DES-CBC is IKEv1 encryption 5).
        Assert.True(sa.Decrypted);
        Assert.Equal(new TransformValue(TransformRegistry.V1Encryption, 5), sa.Chosen!.Encryption);
    }

    [Fact]
    public void Two_clients_behind_one_nat_are_two_sas_from_the_same_public_address()
    {
        CaptureModel model = LabScenario.Reconstruct("two-clients-one-nat", "server");
        Assert.Equal(2, model.IkeSas.Count);
        Assert.Single(model.IkeSas.Select(sa => sa.Initiator.Address).Distinct());
        Assert.All(model.IkeSas, sa => Assert.True(sa.Nat.InitiatorBehindNat));
    }
}
