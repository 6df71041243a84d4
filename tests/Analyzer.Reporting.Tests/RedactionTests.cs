using Analyzer.Core;
using Analyzer.Reporting.Html;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Markdown;
using Analyzer.Reporting.Tests.Fixtures;

namespace Analyzer.Reporting.Tests;

/// <summary>--redact: stable pseudonyms applied to the document once, so every format carries the same ones.</summary>
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
    public void Private_addresses_stay_private_and_public_ones_public()
    {
        ReportDocument document = TestReports.Synthetic(redact: true);
        NetAddress initiator = NetAddress.Parse(EndpointAddress(document.Ike.Sas[0].Initiator));
        NetAddress responder = NetAddress.Parse(EndpointAddress(document.Ike.Sas[0].Responder));

        Assert.True(initiator.IsPrivate);
        Assert.False(responder.IsPrivate);
        Assert.NotEqual("192.168.1.23", initiator.ToString());
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
    public void Addresses_of_one_subnet_stay_in_one_pseudonymous_subnet()
    {
        var pseudonyms = new Redaction.AddressPseudonyms();
        string a = pseudonyms.Replace("192.168.7.10");
        string b = pseudonyms.Replace("192.168.7.99");
        string c = pseudonyms.Replace("192.168.8.10");

        Assert.Equal(a[..a.LastIndexOf('.')], b[..b.LastIndexOf('.')]);
        Assert.NotEqual(a[..a.LastIndexOf('.')], c[..c.LastIndexOf('.')]);
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
        Assert.Equal(address, new Redaction.AddressPseudonyms().Replace(address));

    [Fact]
    public void Ipv6_interface_ids_are_renumbered_and_prefixes_kept_apart()
    {
        var pseudonyms = new Redaction.AddressPseudonyms();
        NetAddress a = NetAddress.Parse(pseudonyms.Replace("2a00:1450:4001:81c::200e"));
        NetAddress b = NetAddress.Parse(pseudonyms.Replace("2a00:1450:4001:81c::1"));
        NetAddress ula = NetAddress.Parse(pseudonyms.Replace("fd12:3456:789a:1::5"));

        Assert.Equal(a.Value >> 64, b.Value >> 64);
        Assert.NotEqual(a, b);
        Assert.False(a.IsPrivate);
        Assert.True(ula.IsPrivate);
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
        Assert.True(NetAddress.Parse(data["RemoteMMPrincipalName"]).IsPrivate);
        Assert.Equal(EndpointAddress(document.Ike.Sas[0].Initiator), data["RemoteMMPrincipalName"]);
    }

    private static string EndpointAddress(string endpoint) => endpoint[..endpoint.LastIndexOf(':')];
}
