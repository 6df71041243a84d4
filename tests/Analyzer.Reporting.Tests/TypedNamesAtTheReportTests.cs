using Analyzer.Protocols.Ike.Registry;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Markdown;
using Analyzer.Reporting.Tests.Fixtures;
using Analyzer.Sessions.Esp;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Reporting.Tests;

/// <summary>The model carries registry numbers; the report spells them, each from the one table that owns it.</summary>
public sealed class TypedNamesAtTheReportTests
{
    [Fact]
    public void The_same_notify_number_is_named_from_its_own_version_registry_in_the_report()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: false);
        IkeSa sa = @case.Captures[0].IkeSas[0];
        Core.FrameRef frame = sa.Messages[1].Frame;
        // 17 is INVALID-KEY-INFORMATION in IKEv1 (RFC 2408 §3.14.1) and INVALID_KE_PAYLOAD in IKEv2 (RFC 7296 §3.10.1).
        sa.Notifies.Add(new IkeNotifyObservation(frame, NotifyTypes.V1InvalidKeyInformation, V2: false, FromInitiator: false, Encrypted: true));
        sa.Notifies.Add(new IkeNotifyObservation(frame, NotifyTypes.V2InvalidKePayload, V2: true, FromInitiator: false, Encrypted: true));

        ReportDocument document = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options());

        string[] names = [.. document.Ike.Sas[0].Notifies.Where(n => n.Type == 17).Select(n => n.Name)];
        Assert.Equal(["INVALID-KEY-INFORMATION", "INVALID_KE_PAYLOAD"], names);
        ReportJsonSchemaTests.AssertValid(document);
    }

    [Fact]
    public void The_ppp_authentication_protocol_is_named_from_its_lcp_number_and_chap_algorithm_at_the_report()
    {
        ReportDocument document = ReportBuilder.Build(SyntheticCase.Build(hostile: false), SyntheticCase.Diagnosis(hostile: false), TestReports.Options());

        // SyntheticCase's PPTP call negotiated CHAP (0xC223) with algorithm 0x81: RFC 2759's MS-CHAP-V2.
        Assert.Equal("MS-CHAPv2", Assert.Single(document.Pptp.Connections).Ppp?.AuthenticationProtocol);
    }

    [Fact]
    public void Findings_and_report_labels_spell_every_exchange_from_the_one_table()
    {
        foreach (IkeExchangeKind kind in Enum.GetValues<IkeExchangeKind>().Where(k => k != IkeExchangeKind.Unknown))
        {
            // The document carries the kebab value; the label must come back to the table's name, not a second spelling.
            Assert.Equal(IkeExchangeNames.Name(kind), ReportLabels.Exchange(Building.ReportNames.Kebab(kind)));
        }

        Assert.Equal("Main Mode", IkeExchangeNames.Phase1(IkeExchangeKind.MainMode));
        Assert.Equal("IKE_SA_INIT", IkeExchangeNames.Phase1(IkeExchangeKind.IkeSaInit));
        Assert.Equal("Phase 1", IkeExchangeNames.Phase1(IkeExchangeKind.Unknown));
        Assert.Equal("something-new", ReportLabels.Exchange("something-new"));
    }

    [Fact]
    public void The_same_id_type_number_is_named_from_its_own_version_registry_in_the_report()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: false);
        IkeSa sa = @case.Captures[0].IkeSas[0];
        Core.FrameRef frame = sa.Messages[4].Frame;
        // 3 is ID_USER_FQDN in IKEv1 (RFC 2407 §4.6.2.1) and ID_RFC822_ADDR in IKEv2 (RFC 7296 §3.5).
        sa.Identities.Clear();
        sa.Identities.Add(new IkeIdentity(frame, true, IdentificationTypes.UserFqdn, false, "ann@corp.example", 0, 0) { Kind = IdentityKind.User });
        sa.Identities.Add(new IkeIdentity(frame, false, IdentificationTypes.UserFqdn, true, "vpn@corp.example", 0, 0) { Kind = IdentityKind.User });

        ReportDocument document = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options());

        Assert.Equal(["USER_FQDN", "RFC822_ADDR"], document.Ike.Sas[0].Identities.Select(i => i.Type));
    }

    [Fact]
    public void A_delete_is_named_isakmp_in_ikev1_and_ike_in_ikev2_from_the_one_protocol_number()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: false);
        IkeSa sa = @case.Captures[0].IkeSas[0];
        Core.FrameRef frame = sa.Messages[^1].Frame;
        sa.Deletes.Add(new IkeDeleteObservation(frame, true, SecurityProtocol.Ike, false, ["1122334455667788"]));
        sa.Deletes.Add(new IkeDeleteObservation(frame, true, SecurityProtocol.Ike, true, []));
        sa.Deletes.Add(new IkeDeleteObservation(frame, true, SecurityProtocol.Esp, false, ["aaaa0001"]));
        sa.Deletes.Add(new IkeDeleteObservation(frame, true, SecurityProtocol.Esp, true, ["aaaa0002"]));

        ReportDocument document = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options());

        Assert.Equal(["ISAKMP", "IKE", "IPSEC_ESP", "ESP"], document.Ike.Sas[0].Deletes.TakeLast(4).Select(d => d.Protocol));
    }

    [Fact]
    public void A_certificate_in_an_encoding_vpndiag_does_not_decode_is_named_only_at_the_report_and_is_not_taken_as_decoded()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: false);
        IkeSa sa = @case.Captures[0].IkeSas[0];
        var pgp = new IkeCertificate(sa.Messages[4].Frame, true, 2, null, null, null, null, null, null, null);
        sa.Certificates.Add(pgp);
        sa.CertificateRequests.Add(new IkeCertificateRequest(sa.Messages[3].Frame, false, 1, null));

        ReportDocument document = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options());

        Assert.False(pgp.Decoded);
        ReportCertificate reported = document.Ike.Sas[0].Certificates[^1];
        Assert.Equal(("PGP Certificate", "encoding not decoded: PGP Certificate"), (reported.Encoding, reported.Error));
        Assert.Equal("PKCS #7 wrapped X.509 certificate", document.Ike.Sas[0].CertificateRequests[^1].Encoding);
    }

    [Fact]
    public void Esp_pairing_is_spelled_in_kebab_case_and_the_schema_lists_exactly_those_values()
    {
        string[] spelled = [.. Enum.GetValues<EspPairing>().Select(p => Building.ReportNames.Kebab(p))];
        Assert.Equal(["quick-mode", "ike-auth", "create-child-sa", "timing", "address-pair"], spelled);

        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Docs, "report.schema.json")));
        System.Text.Json.JsonElement pairedBy = Assert.Single(PropertiesNamed(schema.RootElement, "pairedBy"), e => e.ValueKind == System.Text.Json.JsonValueKind.Object);
        string?[] listed = [.. pairedBy.GetProperty("enum").EnumerateArray().Select(e => e.ValueKind == System.Text.Json.JsonValueKind.Null ? null : e.GetString())];
        Assert.Equal([.. spelled, null], listed);
    }

    [Fact]
    public void Each_correlation_method_is_spelled_once_for_rules_and_report_and_the_schema_lists_exactly_those_values()
    {
        string[] spelled = [.. Enum.GetValues<Correlation.Events.CorrelationMethod>().Select(Correlation.Events.CorrelationMethods.Name)];
        Assert.Equal(["cookies", "spi", "endpoints-and-time", "endpoints"], spelled);

        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Docs, "report.schema.json")));
        System.Text.Json.JsonElement how = Assert.Single(PropertiesNamed(schema.RootElement, "how"), e => e.ValueKind == System.Text.Json.JsonValueKind.Object);
        Assert.Equal(spelled, how.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

        ReportDocument document = ReportBuilder.Build(SyntheticCase.Build(hostile: false), SyntheticCase.Diagnosis(hostile: false), TestReports.Options());
        Assert.Contains(document.Events.Records, r => r.Correlation?.How == "cookies");
    }

    [Fact]
    public void A_notify_detail_is_a_value_in_the_model_and_a_sentence_only_in_the_report_with_a_redirect_address_pseudonymised()
    {
        Correlation.Case @case = SyntheticCase.Build(hostile: false);
        IkeSa sa = @case.Captures[0].IkeSas[0];
        Core.FrameRef frame = sa.Messages[1].Frame;
        sa.Notifies.Add(new IkeNotifyObservation(frame, NotifyTypes.V2InvalidKePayload, true, false, false, new IkeNotifyDetail(IkeNotifyDetailKind.AcceptedGroup, 14)));
        sa.Notifies.Add(new IkeNotifyObservation(frame, NotifyTypes.V1DpdRuThere, false, true, true, new IkeNotifyDetail(IkeNotifyDetailKind.DpdSequence, 7)));
        sa.Notifies.Add(new IkeNotifyObservation(frame, NotifyTypes.V2Redirect, true, false, true, new IkeNotifyDetail(IkeNotifyDetailKind.Redirect, Gateway: Core.NetAddress.Parse("192.0.2.99"))));

        ReportDocument plain = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options());
        ReportDocument redacted = ReportBuilder.Build(@case, SyntheticCase.Diagnosis(hostile: false), TestReports.Options(redact: true));

        Assert.Equal(["accepted group modp2048", "sequence 7", "to 192.0.2.99"], plain.Ike.Sas[0].Notifies.TakeLast(3).Select(n => n.Detail));
        string redirect = redacted.Ike.Sas[0].Notifies[^1].Detail!;
        Assert.StartsWith("to ", redirect, StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.99", redirect, StringComparison.Ordinal);
    }

    private static IEnumerable<System.Text.Json.JsonElement> PropertiesNamed(System.Text.Json.JsonElement element, string name)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (System.Text.Json.JsonProperty property in element.EnumerateObject())
            {
                if (property.Name == name)
                {
                    yield return property.Value;
                }

                foreach (System.Text.Json.JsonElement inner in PropertiesNamed(property.Value, name))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            foreach (System.Text.Json.JsonElement item in element.EnumerateArray())
            {
                foreach (System.Text.Json.JsonElement inner in PropertiesNamed(item, name))
                {
                    yield return inner;
                }
            }
        }
    }
}
