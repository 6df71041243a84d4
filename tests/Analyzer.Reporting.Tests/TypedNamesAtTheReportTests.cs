using Analyzer.Protocols.Ike.Registry;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Markdown;
using Analyzer.Reporting.Tests.Fixtures;
using Analyzer.Sessions.Ike;

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
}
