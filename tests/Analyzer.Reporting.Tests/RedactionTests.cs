using Analyzer.Core;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Html;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Markdown;
using Analyzer.Reporting.Redaction;
using Analyzer.Reporting.Tests.Fixtures;

namespace Analyzer.Reporting.Tests;

/// <summary>--redact: pseudonyms spelled as the document is built, so every format carries the same ones; a last-line check on the output.</summary>
public sealed class RedactionTests
{
    private static readonly string[] Secrets =
    [
        "192.168.1.23", "198.51.100.10", "203.0.113.7", SyntheticCase.ServerHost, SyntheticCase.ClientHost, "annsmith", "corp.example",
        "Corp Ltd", "laptop-ann.corp.example",
    ];

    [Fact]
    public void No_address_host_user_or_subject_survives_in_any_format()
    {
        ReportDocument document = TestReports.Synthetic(redact: true);
        string directory = TestReports.OutputDirectory(nameof(No_address_host_user_or_subject_survives_in_any_format));
        ReportWriter.WriteToDirectory(document, directory);
        var outputs = new List<(string Name, string Text)>
        {
            ("json", JsonReportWriter.ToJson(document)),
            ("markdown", MarkdownReportWriter.ToMarkdown(document)),
            ("html", HtmlReportWriter.ToHtml(document)),
        };
        foreach (string csv in Directory.GetFiles(directory, "*.csv"))
        {
            outputs.Add((Path.GetFileName(csv), File.ReadAllText(csv)));
        }

        foreach ((string name, string text) in outputs)
        {
            foreach (string secret in Secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{secret} left in {name}");
            }
        }

        Assert.True(document.Redacted);
    }

    [Fact]
    public void Private_addresses_get_private_pseudonyms_and_public_ones_public()
    {
        ReportDocument document = TestReports.Synthetic(redact: true);

        Assert.Matches(@"^ipv4-private-\d+:500$", document.Ike.Sas[0].Initiator);
        Assert.Matches(@"^ipv4-\d+:500$", document.Ike.Sas[0].Responder);
    }

    [Fact]
    public void The_same_address_gets_the_same_pseudonym_everywhere()
    {
        ReportDocument document = TestReports.Synthetic(redact: true);
        string initiator = EndpointAddress(document.Ike.Sas[0].Initiator);

        Assert.Equal(initiator, EndpointAddress(document.L2tp.Tunnels[0].Client));
        Assert.Contains(initiator, document.Findings[0].Summary, StringComparison.Ordinal);
        Assert.Equal(initiator, EndpointAddress(document.Paths[0].Translations[0].Inside));
    }

    [Fact]
    public void Pseudonyms_are_the_same_on_every_run()
    {
        string first = JsonReportWriter.ToJson(TestReports.Synthetic(redact: true));
        string second = JsonReportWriter.ToJson(TestReports.Synthetic(redact: true));

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_user_name_keeps_its_domain_structure_and_matches_the_bare_name_in_text()
    {
        ReportDocument document = TestReports.Synthetic(redact: true);
        string user = document.L2tp.Tunnels[0].Sessions[0].Ppp!.UserName!;

        Assert.Matches(@"^domain-\d+\\user-\d+$", user);
        string bare = user[(user.IndexOf('\\', StringComparison.Ordinal) + 1)..];
        Assert.Contains(document.Ike.Sas[0].Identities, id => id.Value.StartsWith(bare + "@", StringComparison.Ordinal));
    }

    [Fact]
    public void Tool_version_and_hex_identifiers_are_left_alone()
    {
        ReportDocument plain = TestReports.Synthetic();
        ReportDocument redacted = TestReports.Synthetic(redact: true);

        Assert.Equal(plain.Tool, redacted.Tool);
        Assert.Equal(plain.Ike.Sas[0].InitiatorCookie, redacted.Ike.Sas[0].InitiatorCookie);
        Assert.Equal(plain.Ike.Sas[0].VendorIds[0].Hex, redacted.Ike.Sas[0].VendorIds[0].Hex);
        Assert.Equal(plain.Timeline.Count, redacted.Timeline.Count);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.251")]
    [InlineData("::1")]
    public void Addresses_that_reveal_nothing_are_kept(string address) =>
        Assert.Equal(address, new Pseudonymiser().Address(NetAddress.Parse(address)));

    /// <summary>The leak that started this: the destination of an IPv6 ESP row, followed by a colon, escaped the old regex.</summary>
    [Fact]
    public void An_ipv6_esp_timeline_row_keeps_no_real_address()
    {
        var pseudonyms = new Pseudonymiser();
        string source = pseudonyms.Address(NetAddress.Parse("2001:db8:0:1::1"));

        string row = pseudonyms.Text("ESP 0x0000000a 2001:db8:0:1::1 → 3ffe::2: first packet");

        Assert.Equal($"ESP 0x0000000a {source} → ipv6-2: first packet", row);
    }

    [Fact]
    public void Every_spelling_of_an_endpoint_gets_the_same_pseudonym()
    {
        var pseudonyms = new Pseudonymiser();
        NetAddress v6 = NetAddress.Parse("2001:db8::1");
        string typed = pseudonyms.Endpoint(new NetEndpoint(v6, 500));

        Assert.Equal("[ipv6-1]:500", typed);
        Assert.Equal("[ipv6-1]:500 and ipv6-1[500] and ipv6-1.", pseudonyms.Text("[2001:db8::1]:500 and 2001:db8::1[500] and 2001:0db8:0::1."));
        Assert.Equal("ipv4-1[4500] ipv4-1:4500 ipv4-1", pseudonyms.Text("198.51.100.7[4500] 198.51.100.7:4500 198.51.100.7"));
        Assert.Equal("ipv4-1:4500", pseudonyms.Endpoint(new NetEndpoint(NetAddress.Parse("198.51.100.7"), 4500)));
    }

    [Fact]
    public void A_nat_mapped_port_is_replaced_and_service_ports_are_kept()
    {
        var pseudonyms = new Pseudonymiser();
        NetAddress nat = NetAddress.Parse("203.0.113.9");

        Assert.Equal("ipv4-1:port-1", pseudonyms.Endpoint(new NetEndpoint(nat, 62001)));
        Assert.Equal("ipv4-1:port-1 then ipv4-1[port-2]", pseudonyms.Text("203.0.113.9:62001 then 203.0.113.9[50123]"));
        foreach (ushort service in new ushort[] { 500, 4500, 1701, 1723 })
        {
            Assert.EndsWith(":" + service.ToString(System.Globalization.CultureInfo.InvariantCulture), pseudonyms.Endpoint(new NetEndpoint(nat, service)));
        }
    }

    [Theory]
    [InlineData("isakmp.ispi == c7:2d:70:13:b7:2c:93:9a")]
    [InlineData("RFC 5280 §4.1.2.5 (validity)")]
    [InlineData("at 10:15:23.123 on version 5.9.13")]
    [InlineData("::backdrop and a::hover")]
    [InlineData("extended key usage 1.3.6.1.5.5.7.3.2 (clientAuth) only")]
    public void Spis_times_versions_oids_and_rfc_sections_are_not_addresses(string text) =>
        Assert.Equal(text, new Pseudonymiser().Text(text));

    [Theory]
    [InlineData("matching 203.0.113.10...198.51.100.20[C=US]", "matching ipv4-1...ipv4-2[C=US]")]
    [InlineData("\"192.168.100.1:192.168.100.10\" ", "\"ipv4-private-1:ipv4-private-2\" ")]
    [InlineData("peer 198.51.100.20, fd00::5 and fe80::1%eth0", "peer ipv4-1, ipv6-private-1 and ipv6-link-1%eth0")]
    [InlineData("IP 192.0.2.1.500 > 203.0.113.10.4500: isakmp", "IP ipv4-1.500 > ipv4-2.4500: isakmp")]
    public void Addresses_run_together_in_log_text_are_each_replaced(string text, string expected) =>
        Assert.Equal(expected, new Pseudonymiser().Text(text));

    [Fact]
    public void The_leak_check_refuses_a_report_that_still_holds_an_address_and_writes_nothing()
    {
        ReportDocument document = TestReports.Synthetic(redact: true);
        ReportDocument leaking = document with { Warnings = [new ReportWarning("warning", null, null, "seen from 2001:db8::77: odd")] };
        string path = Path.Combine(TestReports.OutputDirectory(nameof(The_leak_check_refuses_a_report_that_still_holds_an_address_and_writes_nothing)), "report.md");

        var error = Assert.Throws<RedactionLeakException>(() => ReportWriter.WriteToPath(leaking, ReportFormat.Markdown, path));

        Assert.Contains("2001:db8::77", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void The_leak_check_finds_a_name_behind_a_format_escape()
    {
        ReportDocument document = TestReports.Synthetic(redact: true);
        ReportDocument leaking = document with { Warnings = [new ReportWarning("warning", null, null, "client " + SyntheticCase.ClientHost + " said *hi*")] };
        string csv = TestReports.OutputDirectory(nameof(The_leak_check_finds_a_name_behind_a_format_escape));

        Assert.Throws<RedactionLeakException>(() => ReportWriter.Write(leaking, ReportFormat.Markdown, new StringWriter()));
        Assert.Throws<RedactionLeakException>(() => ReportWriter.Write(leaking, ReportFormat.Html, new StringWriter()));
        Assert.Throws<RedactionLeakException>(() => ReportWriter.WriteToDirectory(leaking with { Findings = [document.Findings[0] with { Summary = SyntheticCase.UserName }] }, csv));
        Assert.Empty(Directory.GetFiles(csv));
        ReportWriter.Write(document, ReportFormat.Markdown, new StringWriter());
    }

    [Fact]
    public void A_generic_first_label_is_not_replaced_as_a_word_in_free_text()
    {
        ReportDocument document = TestReports.Synthetic(redact: true);
        Document.ReportEventRecord positional = document.Events.Records[1];

        Assert.Equal("{vpn}", positional.Data.Values[0].Value);
        Assert.DoesNotContain(SyntheticCase.ServerHost, document.Events.Records[0].Computer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_principal_name_is_redacted_by_what_it_looks_like_and_an_address_stays_an_address()
    {
        ReportDocument document = TestReports.Synthetic(redact: true);
        var data = document.Events.Records[0].Data.Values.ToDictionary(v => v.Key, v => v.Value);

        Assert.Matches(@"^CN=subject-\d+$", data["LocalMMPrincipalName"]);
        Assert.StartsWith("ipv4-private-", data["RemoteMMPrincipalName"], StringComparison.Ordinal);
        Assert.Equal(EndpointAddress(document.Ike.Sas[0].Initiator), data["RemoteMMPrincipalName"]);
    }

    private static string EndpointAddress(string endpoint) => endpoint[..endpoint.LastIndexOf(':')];
}
