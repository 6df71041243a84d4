using System.Globalization;
using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// The lab's IKEv2 scenarios analysed with the keys beside their captures: what the decrypted
/// IKE_AUTH holds (EAP, configuration payload, traffic selectors, AUTH) equals tshark's dissection
/// with the same ikev2_decryption_table, and the findings name what the lab configured wrong.
/// </summary>
public sealed class Ikev2DecryptedContentTests
{
    public static TheoryData<string> Ikev2Scenarios => SampleScenarios.Names(s => s.StartsWith("ikev2-", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Ikev2Scenarios))]
    public void Eap_packets_of_the_decrypted_ike_auth_are_the_ones_tshark_dissects(string scenario)
    {
        (IkeSa sa, string capture, string[] options) = ClientSa(scenario);
        // tshark lists every retransmitted copy (same message id, same bytes); the model keeps each message once.
        string[] expected = [.. Tshark.Fields(capture, "eap", ["isakmp.messageid", "eap.code", "eap.type", "eap.ms_chap_v2.opcode"], options)
            .Select(row => (Message: row[0], Eap: string.Join('/', row[1..]))).Distinct().Select(row => row.Eap)];
        string[] actual = [.. sa.V2.Eap.Select(e => string.Join('/',
            e.Code.ToString(CultureInfo.InvariantCulture), e.Type?.ToString(CultureInfo.InvariantCulture) ?? "", e.MsChapV2OpCode?.ToString(CultureInfo.InvariantCulture) ?? ""))];
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Ikev2Scenarios))]
    public void Assigned_address_and_traffic_selectors_are_the_ones_tshark_dissects(string scenario)
    {
        (IkeSa sa, string capture, string[] options) = ClientSa(scenario);
        string[] addresses = [.. Tshark.Fields(capture, "isakmp.cfg.attr.internal_ip4_address", ["isakmp.cfg.attr.internal_ip4_address"], options)
            .SelectMany(row => row[0].Split(',', StringSplitOptions.RemoveEmptyEntries))];
        Assert.Equal(addresses, sa.V2.Configurations.Where(c => c.AssignedAddress is not null).Select(c => c.AssignedAddress!.Value.ToString()));

        string[] selectors = [.. Tshark.Fields(capture, "isakmp.ts.start_ipv4", ["isakmp.ts.start_ipv4"], options)
            .SelectMany(row => row[0].Split(',', StringSplitOptions.RemoveEmptyEntries))];
        Assert.Equal(selectors, sa.V2.TrafficSelectors.SelectMany(t => t.Selectors).Select(s => s.Split(['-', ' '])[0]));

        string[] methods = [.. Tshark.Fields(capture, "isakmp.auth.method", ["isakmp.auth.method"], options).Select(row => row[0])];
        Assert.Equal(methods, sa.V2.AuthPayloads.Select(a => a.Method.Id.ToString(CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("ikev2-eap-wrong-password", "eap-auth-failed", "user labuser")]
    [InlineData("ikev2-eap-wrong-password", "eap-auth-failed", "error 691")]
    [InlineData("ikev2-no-address-pool", "address-assignment-failed", "INTERNAL_ADDRESS_FAILURE")]
    [InlineData("ikev2-ts-refused", "phase2-rejected", "TS_UNACCEPTABLE")]
    [InlineData("ikev2-cert-no-server-eku", "certificate-validity", "has no Server Authentication EKU")]
    [InlineData("ikev2-cert-expired", "certificate-validity", "expired when sent")]
    [InlineData("ikev2-cert-untrusted", "no-common-ca", "vpndiag Lab Root CA Two")]
    public void Finding_names_what_the_decrypted_ike_auth_shows(string scenario, string rule, string text)
    {
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([SampleScenarios.PathOf(scenario)]);
        var finding = Assert.Single(result.Document.Findings, f => f.Rule == rule);
        Assert.Contains(text, finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Healthy_eap_authentication_succeeds_for_the_configured_user_and_gets_a_pool_address()
    {
        (IkeSa sa, _, _) = ClientSa("ikev2-eap-healthy");
        Assert.Contains(sa.V2.Eap, e => e.Code == 3);
        Assert.DoesNotContain(sa.V2.Eap, e => e.IsFailure);
        Assert.Contains(sa.V2.Eap, e => e is { FromInitiator: true, Type: 1, Text: "labuser" });
        // swanctl-server.conf: pools = 192.168.100.10-192.168.100.50
        var assigned = Assert.Single(sa.V2.Configurations, c => c.AssignedAddress is not null).AssignedAddress!.Value.ToString();
        Assert.StartsWith("192.168.100.", assigned, StringComparison.Ordinal);
        Assert.Equal(IkeSaState.Established, sa.State);
    }

    [Fact]
    public void Ikev2_certificate_request_names_cas_by_key_hash_not_by_distinguished_name()
    {
        (IkeSa sa, string capture, string[] options) = ClientSa("ikev2-eap-healthy");
        string[] requests = [.. Tshark.Fields(capture, "isakmp.ike.certreq.authority", ["isakmp.ike.certreq.authority"], options)
            .SelectMany(row => row[0].Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(hex => hex.Replace(":", "", StringComparison.Ordinal))];
        Assert.NotEmpty(requests);
        Assert.Equal(requests, sa.CertificateRequests.Select(r => string.Concat(r.KeyHashes)));
        Assert.All(sa.Certificates, c => Assert.NotNull(c.PublicKeyInfoSha1));
    }

    [Theory]
    [MemberData(nameof(Ikev2Scenarios))]
    public void Child_sa_negotiated_inside_ike_auth_has_the_spis_and_ciphers_tshark_dissects(string scenario)
    {
        (IkeSa sa, string capture, string[] options) = ClientSa(scenario);
        // RFC 7296 §1.2: the first CHILD_SA's SA payload rides in IKE_AUTH (request: the offer; last response: the choice).
        string[][] rows = [.. Tshark.Fields(capture, "isakmp.exchangetype == 35 && isakmp.prop.protoid", ["isakmp.flags", "isakmp.spi", "isakmp.tf.id.encr"], options)];
        bool Response(string[] row) => (Convert.ToInt32(row[0], 16) & 0x20) != 0;
        string[] offeredSpis = [.. rows.Where(r => !Response(r)).SelectMany(r => r[1].Split(',')).Distinct()];
        string[] chosenSpis = [.. rows.Where(Response).SelectMany(r => r[1].Split(',')).Distinct()];
        string[] offeredCiphers = [.. rows.Where(r => !Response(r)).Take(1).SelectMany(r => r[2].Split(','))];
        string[] chosenCiphers = [.. rows.Where(Response).Take(1).SelectMany(r => r[2].Split(','))];

        ChildSaNegotiation? child = sa.Exchanges.Where(e => e.Kind == IkeExchangeKind.IkeAuth).Select(e => e.ChildSa).FirstOrDefault(c => c is { Offered.Count: > 0 });
        Assert.Equal(offeredSpis, child?.InitiatorSpis.Select(Hex) ?? []);
        Assert.Equal(chosenSpis, child?.ResponderSpis.Select(Hex) ?? []);
        Assert.Equal(offeredCiphers, child?.Offered.Select(p => p.Encryption?.Id.ToString(CultureInfo.InvariantCulture)) ?? []);
        Assert.Equal(chosenCiphers, child?.Chosen?.Encryption is { } chosen ? [chosen.Id.ToString(CultureInfo.InvariantCulture)] : []);
    }

    [Fact]
    public void Esp_3des_chosen_inside_ike_auth_fires_weak_crypto_from_the_captures_and_keys_without_any_log()
    {
        string directory = SampleScenarios.PathOf("ikev2-esp-3des");
        string[] inputs = [.. new[] { "client.pcap", "server.pcap", "esp_sa", "ikev2_decryption_table" }.Select(f => Path.Combine(directory, f))];
        Assert.SkipUnless(inputs.All(File.Exists), "ikev2-esp-3des: captures or key tables missing");

        BundleAnalysisResult result = BuiltInCatalogue.Analyze(inputs);

        Assert.Empty(result.Case.Events);
        var finding = Assert.Single(result.Document.Findings, f => f.Rule == "weak-crypto");
        Assert.Contains("3DES (SHOULD NOT, deprecated: RFC 8221 §5)", finding.Summary, StringComparison.Ordinal);
        // The evidence cites the IKE_AUTH request that offered the child SA, in each capture (frame 5: after IKE_SA_INIT's two).
        string[] tshark = [.. Tshark.Frames(inputs[0], "isakmp.exchangetype == 35 && isakmp.flags == 0x08").Select(f => f.ToString(CultureInfo.InvariantCulture))];
        var childOffer = Assert.Single(finding.Evidence, e => e.Text.StartsWith("Child SA offer: ", StringComparison.Ordinal) && e.Input.EndsWith("client.pcap", StringComparison.Ordinal));
        Assert.Equal("Child SA offer: 3DES/AUTH_HMAC_SHA1_96", childOffer.Text);
        Assert.Equal(tshark[0], childOffer.Frame?.ToString(CultureInfo.InvariantCulture));
        // Without the IKEv2 keys the child SA's transforms are encrypted: nothing weak can be seen.
        BundleAnalysisResult withoutKeys = BuiltInCatalogue.Analyze([.. inputs.Take(2)]);
        Assert.DoesNotContain(withoutKeys.Document.Findings, f => f.Rule == "weak-crypto");
    }

    [Fact]
    public void Esp_flows_pair_exactly_with_the_child_sa_of_the_decrypted_ike_auth_and_say_so_not_quick_mode()
    {
        string directory = SampleScenarios.PathOf("ikev2-esp-3des");
        string[] inputs = [.. new[] { "client.pcap", "esp_sa", "ikev2_decryption_table" }.Select(f => Path.Combine(directory, f))];
        Assert.SkipUnless(inputs.All(File.Exists), "ikev2-esp-3des: capture or key tables missing");

        CaptureModel model = Assert.Single(BuiltInCatalogue.Analyze(inputs).Case.Captures);
        IkeSa sa = Assert.Single(model.IkeSas);
        ChildSaNegotiation child = Assert.Single(sa.Exchanges, e => e.Kind == IkeExchangeKind.IkeAuth).ChildSa!;
        uint initiatorSpi = Assert.Single(child.InitiatorSpis);
        uint responderSpi = Assert.Single(child.ResponderSpis);
        Assert.Equal(2, model.EspFlows.Count);
        Assert.All(model.EspFlows, flow =>
        {
            Assert.Equal(Analyzer.Sessions.Esp.EspPairing.IkeAuth, flow.PairedBy);
            Assert.Equal(flow.Spi == initiatorSpi ? responderSpi : initiatorSpi, flow.PairedSpi);
            Assert.Same(sa, flow.IkeSa);
        });
    }

    private static string Hex(uint spi) => spi.ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The client capture's IKE SA, analysed with the scenario's keys, and tshark options with the same IKEv2 table.</summary>
    private static (IkeSa Sa, string Capture, string[] TsharkOptions) ClientSa(string scenario)
    {
        string directory = SampleScenarios.PathOf(scenario);
        string capture = Path.Combine(directory, "client.pcap");
        string table = Path.Combine(directory, "ikev2_decryption_table");
        Assert.SkipUnless(File.Exists(capture) && File.Exists(table), scenario + ": no client.pcap or ikev2_decryption_table");
        BundleAnalysisResult result = BuiltInCatalogue.Analyze([directory]);
        CaptureModel model = result.Case.Captures.Single(c => Path.GetFileName(c.Input.Path) == "client.pcap");
        IkeSa sa = Assert.Single(model.IkeSas);
        string[] options = [.. File.ReadAllLines(table).Where(l => l.Length > 0).SelectMany(l => new[] { "-o", "uat:ikev2_decryption_table:" + l })];
        return (sa, capture, options);
    }
}
