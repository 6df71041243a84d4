using Analyzer.Testing;
using Analyzer.Reporting;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Markdown;

namespace Analyzer.Cli.Tests;

/// <summary>
/// A Windows 4653 alone is IKE of a version its keying module names when the export rendered it
/// ("IKEv1"); an unrendered message-table id (%%8222) names none, and the attempts table says
/// "IKE (version unknown)" rather than "none".
/// </summary>
public sealed class WindowsKeyingModuleAttemptTests
{
    private static ReportDocument Analyse(string keyModule)
    {
        string directory = Directory.CreateTempSubdirectory("vpndiag-4653-").FullName;
        string path = Path.Combine(directory, "security.xml");
        File.WriteAllText(path, "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}' />"
            + "<EventID>4653</EventID><Level>0</Level><TimeCreated SystemTime='2026-12-07T10:00:00.000000000Z' /><EventRecordID>1</EventRecordID><Channel>Security</Channel><Computer>CLIENT</Computer></System><EventData>"
            + "<Data Name='LocalMMPrincipalName'>-</Data><Data Name='RemoteMMPrincipalName'>-</Data><Data Name='LocalAddress'>192.0.2.10</Data><Data Name='LocalKeyModPort'>500</Data>"
            + "<Data Name='RemoteAddress'>203.0.113.10</Data><Data Name='RemoteKeyModPort'>500</Data><Data Name='KeyModName'>" + keyModule + "</Data><Data Name='FailurePoint'>%%8199</Data>"
            + "<Data Name='FailureReason'>Negotiation timed out</Data><Data Name='MMAuthMethod'>%%8194</Data><Data Name='State'>%%8202</Data><Data Name='Role'>%%8205</Data>"
            + "<Data Name='MMImpersonationState'>%%8217</Data><Data Name='MMFilterID'>1</Data><Data Name='InitiatorCookie'>0102030405060708</Data><Data Name='ResponderCookie'>0000000000000000</Data>"
            + "</EventData></Event></Events>");
        return BuiltInCatalogue.Analyze([path]).Document;
    }

    [Fact]
    public void A_4653_with_an_unrendered_keying_module_reads_ike_of_unknown_version_not_none()
    {
        ReportDocument document = Analyse("%%8222");
        ReportAttempt attempt = Assert.Single(document.Attempts);
        Assert.Null(attempt.Ike.Version);
        Assert.Equal("unknown", attempt.Ike.Mode);
        Assert.Equal("0102030405060708", attempt.Ike.InitiatorSpi);
        string row = MarkdownReportWriter.ToMarkdown(document).Split('\n').Single(l => l.StartsWith("| A1 |", StringComparison.Ordinal));
        Assert.Contains("| IKE (version unknown) |", row, StringComparison.Ordinal);
    }

    [Fact]
    public void A_4653_whose_keying_module_is_rendered_ikev1_gives_its_attempt_ike_version_1()
    {
        ReportAttempt attempt = Assert.Single(Analyse("IKEv1").Attempts);
        Assert.Equal(1, attempt.Ike.Version);
    }
}
