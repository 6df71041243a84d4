using Analyzer.Correlation.Attempts;
using Analyzer.Core;
using Analyzer.Diagnosis.Tests.Support;
using Analyzer.Sessions.Ike;

namespace Analyzer.Diagnosis.Tests.Rules;

/// <summary>
/// The rules on inferred facts, on Case objects whose ESP exists only as packet shapes (size, time,
/// direction): each must fire on the pattern it reads and stay quiet on the near miss.
/// </summary>
public sealed class InferenceConditionTests
{
    private static readonly NetEndpoint ClientEsp = CaseDraft.Client with { Port = 4500 };
    private static readonly NetEndpoint ServerEsp = CaseDraft.Server with { Port = 4500 };

    private static (CaseDraft Draft, IkeSa Sa) L2tpIpsec()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa();
        draft.MainMode(sa, 0);
        draft.QuickMode(sa, 0.5);
        return (draft, sa);
    }

    private static void Packet(CaseDraft draft, double seconds, bool fromClient, int length, uint spi = 0)
    {
        FrameRef frame = draft.Frame(seconds);
        if (fromClient)
        {
            draft.Capture.SealedPackets.Add(frame, ClientEsp, ServerEsp, spi == 0 ? 0xc0000001 : spi, length);
        }
        else
        {
            draft.Capture.SealedPackets.Add(frame, ServerEsp, ClientEsp, spi == 0 ? 0xc0000002 : spi, length);
        }
    }

    [Fact]
    public void Same_size_copies_at_doubling_intervals_with_no_answer_fire_esp_l2tp_setup_unanswered()
    {
        (CaseDraft draft, _) = L2tpIpsec();
        foreach (double t in new[] { 1.0, 2.0, 4.0, 8.0, 16.0 })
        {
            Packet(draft, t, fromClient: true, length: 184);
        }

        draft.EndAt(30);
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "esp-l2tp-setup-unanswered");
        Assert.Contains("SCCRQ", finding.Summary, StringComparison.Ordinal);
        Assert.Equal(5, finding.Evidence.Count);
        Assert.All(finding.Evidence, e => Assert.Equal(EvidenceKind.Inferred, e.Kind));
    }

    [Fact]
    public void Copies_the_server_answers_do_not_fire_esp_l2tp_setup_unanswered()
    {
        (CaseDraft draft, _) = L2tpIpsec();
        Packet(draft, 1.0, true, 184);
        Packet(draft, 2.0, true, 184);
        Packet(draft, 2.1, false, 88);
        Packet(draft, 4.0, true, 184);
        Packet(draft, 8.0, true, 184);
        draft.EndAt(30);
        Assert.DoesNotContain(Catalogue.Diagnose(draft.Build()).Findings, f => f.RuleId == "esp-l2tp-setup-unanswered");
    }

    [Fact]
    public void Same_size_packets_at_a_steady_one_second_rate_are_not_a_back_off()
    {
        (CaseDraft draft, _) = L2tpIpsec();
        for (int i = 1; i <= 6; i++)
        {
            Packet(draft, i, true, 184);
        }

        draft.EndAt(30);
        Assert.DoesNotContain(Catalogue.Diagnose(draft.Build()).Findings, f => f.RuleId == "esp-l2tp-setup-unanswered");
    }

    [Fact]
    public void Four_packets_both_ways_then_silence_fire_esp_inner_setup_refused()
    {
        (CaseDraft draft, _) = L2tpIpsec();
        Packet(draft, 1.0, true, 184);
        Packet(draft, 1.01, false, 88);
        Packet(draft, 1.02, false, 136);
        Packet(draft, 1.03, true, 88);
        draft.EndAt(20);
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "esp-inner-setup-refused");
        Assert.Contains("StopCCN", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_tunnel_setup_burst_is_not_a_refusal()
    {
        (CaseDraft draft, _) = L2tpIpsec();
        for (int i = 0; i < 12; i++)
        {
            Packet(draft, 1.0 + (i * 0.01), i % 2 == 0, 120);
        }

        draft.EndAt(20);
        Assert.DoesNotContain(Catalogue.Diagnose(draft.Build()).Findings, f => f.RuleId == "esp-inner-setup-refused");
    }

    [Fact]
    public void A_short_encrypted_last_IKE_AUTH_response_without_ESP_fires_ikev2_auth_refused()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(IkeExchangeKind.IkeSaInit);
        draft.Message(sa, IkeExchangeKind.IkeSaInit, 1, true, 0, length: 464);
        draft.Message(sa, IkeExchangeKind.IkeSaInit, 2, false, 0.01, length: 472);
        draft.Message(sa, IkeExchangeKind.IkeAuth, 1, true, 0.05, port: 4500, encrypted: true, messageId: 1, length: 304);
        draft.Message(sa, IkeExchangeKind.IkeAuth, 2, false, 0.06, port: 4500, encrypted: true, messageId: 1, length: 80);
        draft.EndAt(5);
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "ikev2-auth-refused");
        Assert.Contains("server probably refused", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_sized_IKE_AUTH_response_is_not_a_refusal()
    {
        var draft = new CaseDraft();
        IkeSa sa = draft.Sa(IkeExchangeKind.IkeSaInit);
        draft.Message(sa, IkeExchangeKind.IkeSaInit, 1, true, 0, length: 464);
        draft.Message(sa, IkeExchangeKind.IkeSaInit, 2, false, 0.01, length: 472);
        draft.Message(sa, IkeExchangeKind.IkeAuth, 1, true, 0.05, port: 4500, encrypted: true, messageId: 1, length: 304);
        draft.Message(sa, IkeExchangeKind.IkeAuth, 2, false, 0.06, port: 4500, encrypted: true, messageId: 1, length: 176);
        draft.Message(sa, IkeExchangeKind.InformationalV2, 1, true, 1.3, port: 4500, encrypted: true, messageId: 2, length: 80);
        draft.EndAt(5);
        Assert.DoesNotContain(Catalogue.Diagnose(draft.Build()).Findings, f => f.RuleId == "ikev2-auth-refused");
    }

    [Fact]
    public void Informational_to_the_first_client_as_a_second_one_behind_the_same_address_authenticates_fires_client_displaced_inferred()
    {
        var draft = new CaseDraft();
        IkeSa first = draft.Sa();
        draft.MainMode(first, 0, laterPort: 4500);
        IkeSa second = draft.Sa(initiator: CaseDraft.Client with { Port = 1024 }, cookie: 0x99);
        draft.MainMode(second, 10, laterPort: 4500);
        draft.Message(first, IkeExchangeKind.Informational, 1, false, 10.1, port: 4500, encrypted: true, messageId: 7, length: 92);
        draft.EndAt(20);
        Finding finding = Catalogue.Finding(Catalogue.Diagnose(draft.Build()), "client-displaced-inferred");
        Assert.All(finding.Evidence, e => Assert.Equal(EvidenceKind.Inferred, e.Kind));
    }

    [Fact]
    public void The_same_client_reauthenticating_on_4500_is_not_displaced()
    {
        var draft = new CaseDraft();
        IkeSa first = draft.Sa();
        draft.MainMode(first, 0, laterPort: 4500);
        IkeSa again = draft.Sa(initiator: CaseDraft.Client with { Port = 4500 }, cookie: 0x99);
        draft.MainMode(again, 50, laterPort: 4500);
        draft.Message(first, IkeExchangeKind.Informational, 1, false, 50.1, port: 4500, encrypted: true, messageId: 7, length: 92);
        draft.EndAt(60);
        Assert.DoesNotContain(Catalogue.Diagnose(draft.Build()).Findings, f => f.RuleId == "client-displaced-inferred");
    }
}
