using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analyzer.Cli.Commands;
using Analyzer.Pipeline.Inputs;
using Analyzer.Pipeline;
using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Diagnosis;
using Analyzer.Diagnosis.Facts;
using Analyzer.Diagnosis.Rules;
using Analyzer.EventLogs;
using Analyzer.Reporting;
using Analyzer.Reporting.Html;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Markdown;
using Analyzer.Sessions;
using Analyzer.Sessions.Ike;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// --redact on real data: every address tshark finds in a capture (outer and inner IPv4/IPv6, IKE
/// ID payload addresses), every IKE identity name tshark decodes, every certificate subject and
/// issuer and every log computer, user and principal name the model holds is absent from the
/// Markdown, HTML, JSON and CSV of the redacted report, and the formats show the same pseudonyms.
/// Each input is analysed once and all four formats are rendered from that one document.
/// </summary>
public sealed partial class RedactionCorpusTests
{
    /// <summary>The capture that let IPv6 through: ESP rows "ESP 0x… src → dst: first packet" kept the real destination.</summary>
    [Fact]
    public void Ipv6_esp_timeline_rows_show_no_real_address()
    {
        string capture = Path.Combine(RepoPaths.RequireShared("captures"), "zeek", "ip6_esp.pcap");
        SkipUnless(File.Exists(capture), capture + " is not in ../shared");
        Outputs outputs = Render([capture]);

        Assert.Contains(outputs.Document.Timeline, entry => entry.Source == "esp");
        AssertNoSecret(outputs, CaptureSecrets(capture));
        Assert.Contains(outputs.Document.Timeline, entry => entry.Text.Contains("ipv6-", StringComparison.Ordinal));
    }

    /// <summary>The server's name in its CHAP Challenge (RFC 1994 §4.1) was shown as is in the PPP ladder.</summary>
    [Fact]
    public void A_chap_challenge_leaves_neither_the_authenticator_name_nor_the_user_name()
    {
        string capture = Path.Combine(RepoPaths.RequireShared("captures"), "john-samples", "lulu-password-pptp.pcap");
        SkipUnless(File.Exists(capture), capture + " is not in ../shared");
        Outputs outputs = Render([capture]);

        // "pptpd" names the server in the Challenge; the user's name "lulu" stays in the file's own name, so it is not checked here.
        AssertNoSecret(outputs, ["pptpd"]);
        Assert.Contains(outputs.Document.Pptp.Connections.SelectMany(c => c.Ppp?.Packets ?? []), p => p.Code == "Challenge" && p.Summary.StartsWith("name ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_certificate_scenario_leaves_no_address_identity_or_certificate_name()
    {
        string scenario = SampleScenarios.PathOf("healthy-cert");
        SkipUnless(Directory.Exists(scenario), scenario + " is missing");
        RedactScenario(scenario);
    }

    [Fact]
    public void A_windows_event_sample_leaves_no_computer_user_or_address()
    {
        string events = Path.Combine(RepoPaths.Samples, "events", "ras-server");
        SkipUnless(Directory.Exists(events), events + " is missing");
        RedactScenario(events);
    }

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(SampleScenarios.Names), MemberType = typeof(SampleScenarios))]
    public void Every_sample_scenario_leaves_nothing_behind(string scenario) => RedactScenario(SampleScenarios.PathOf(scenario));

    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(EventSamples))]
    public void Every_event_sample_leaves_nothing_behind(string sample) => RedactScenario(Path.Combine(RepoPaths.Samples, "events", sample));

    [Fact]
    [Trait("Category", "Slow")]
    public void Every_public_capture_leaves_nothing_behind()
    {
        string root = RepoPaths.RequireShared("captures");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".pcap", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".pcapng", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".cap", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            Outputs outputs;
            try
            {
                outputs = Render([file]);
            }
            catch (InputException)
            {
                continue; // unreadable as a capture: no report, nothing to leak
            }

            AssertNoSecret(outputs, CaptureSecrets(file).Concat(ModelSecrets(outputs.Case)).ToList());
        }
    }

    public static TheoryData<string> EventSamples()
    {
        var data = new TheoryData<string>();
        string directory = Path.Combine(RepoPaths.Samples, "events");
        if (Directory.Exists(directory))
        {
            foreach (string sample in Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(sample));
            }
        }

        return data;
    }

    private static void RedactScenario(string directory)
    {
        Outputs outputs = Render([directory]);
        var secrets = new List<string>(ModelSecrets(outputs.Case));
        foreach (string file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.EndsWith(".pcap", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".pcapng", StringComparison.OrdinalIgnoreCase))
            {
                secrets.AddRange(CaptureSecrets(file));
            }
            else if (file.EndsWith(".log", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                // Addresses written anywhere in a text log, found without vpndiag's own parsers.
                secrets.AddRange(TextAddresses(File.ReadAllText(file)));
            }
        }

        AssertNoSecret(outputs, secrets);
    }

    private sealed record Outputs(Case Case, ReportDocument Document, List<(string Name, string Text)> Texts);

    private static Outputs Render(IReadOnlyList<string> paths)
    {
        using TicketBundle bundle = BundleCollector.CollectOne(paths, AnalysisLimits.Default);
        Case @case = new CaseBuilder(AnalysisLimits.Default, []).Build(bundle, null, TestContext.Current.CancellationToken);
        DiagnosisResult diagnosis = RuleEvaluator.Evaluate(FactSheet.Build(@case), BuiltInCatalogue.Rules);
        ReportDocument redacted = ReportBuilder.Build(@case, diagnosis, new ReportOptions
        {
            ToolVersion = "0.1.0-test",
            Redact = true,
            GeneratedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        });

        // Rendered without the product's own last-line check: this test is the independent oracle.
        ReportDocument document = redacted with { LeakCheck = null };
        var texts = new List<(string, string)>
        {
            ("Markdown", Regex.Replace(MarkdownReportWriter.ToMarkdown(document), @"\\([\p{P}\p{S}])", "$1")),
            ("HTML", WebUtility.HtmlDecode(HtmlReportWriter.ToHtml(document))),
            ("JSON", JsonStrings(JsonReportWriter.ToJson(document))),
        };
        string csvDirectory = Path.Combine(Path.GetTempPath(), "vpndiag-redact-" + Guid.NewGuid().ToString("N"));
        try
        {
            var csv = new StringBuilder();
            foreach (string table in ReportWriter.WriteToDirectory(document, csvDirectory))
            {
                csv.AppendLine(File.ReadAllText(table).Replace("\"\"", "\"", StringComparison.Ordinal));
            }

            texts.Add(("CSV", csv.ToString()));
        }
        finally
        {
            Directory.Delete(csvDirectory, recursive: true);
        }

        // The product's own last-line check must agree that nothing leaked.
        Assert.NotNull(redacted.LeakCheck);
        Assert.Null(redacted.LeakCheck.FindLeak(MarkdownReportWriter.ToMarkdown(document)));
        Assert.Null(redacted.LeakCheck.FindLeak(JsonReportWriter.ToJson(document)));
        return new Outputs(@case, document, texts);
    }

    private static void AssertNoSecret(Outputs outputs, IReadOnlyCollection<string> secrets)
    {
        List<string> nameFields = NameFields(outputs.Document);
        foreach (string secret in secrets.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (secret.All(char.IsLetter))
            {
                // A bare word ("client") is also the report's own vocabulary: it must be gone from the fields that show names.
                string? leaked = nameFields.FirstOrDefault(field => Regex.IsMatch(field, @"(?<![\p{L}\p{N}])" + Regex.Escape(secret) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase));
                Assert.True(leaked is null, $"{secret} left in the name field \"{leaked}\"");
                continue;
            }

            foreach ((string name, string text) in outputs.Texts)
            {
                Assert.False(text.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{secret} left in the {name} report");
            }
        }

        AssertPseudonymsAgree(outputs);
    }

    /// <summary>The document's fields that show identities, host, user and computer names and certificate names.</summary>
    private static List<string> NameFields(ReportDocument document)
    {
        var fields = new List<string?>();
        foreach (ReportIkeSa sa in document.Ike.Sas)
        {
            fields.AddRange(sa.Identities.Select(id => id.Value));
            fields.AddRange(sa.Certificates.SelectMany(c => new[] { c.Subject, c.Issuer }));
        }

        foreach (var tunnel in document.L2tp.Tunnels)
        {
            fields.Add(tunnel.ClientHostName);
            fields.Add(tunnel.ServerHostName);
            fields.AddRange(tunnel.Sessions.Select(s => s.Ppp?.UserName));
        }

        fields.AddRange(document.Events.Records.Select(r => r.Computer));
        return [.. fields.OfType<string>()];
    }

    /// <summary>Every pseudonym a format shows is one the JSON (the whole document) shows, and the first SA's endpoints read the same everywhere.</summary>
    private static void AssertPseudonymsAgree(Outputs outputs)
    {
        string json = outputs.Texts.Single(t => t.Name == "JSON").Text;
        var inJson = new HashSet<string>(Pseudonym().Matches(json).Select(m => m.Value), StringComparer.Ordinal);
        foreach ((string name, string text) in outputs.Texts)
        {
            // HTML heading anchors are slugs of the heading ("ipv4-1500" from "ipv4-1:500"), not pseudonyms.
            string shown = Regex.Replace(text, "(?:id|href)=\"[^\"]*\"", string.Empty);
            foreach (Match match in Pseudonym().Matches(shown))
            {
                Assert.True(inJson.Contains(match.Value), $"{match.Value} appears in the {name} report but nowhere in the JSON");
            }
        }

        if (outputs.Document.Ike.Sas.Count > 0)
        {
            ReportIkeSaEndpoints(outputs, outputs.Document.Ike.Sas[0].Initiator);
            ReportIkeSaEndpoints(outputs, outputs.Document.Ike.Sas[0].Responder);
        }
    }

    private static void ReportIkeSaEndpoints(Outputs outputs, string endpoint)
    {
        // Addresses that name no host (loopback, unspecified, multicast, broadcast) are kept on purpose
        // (docs/user-guide.md, Redaction); every other endpoint shows a pseudonym.
        Assert.Matches(@"(ipv[46]|\[ipv6|^127\.|^0\.0\.0\.0|^\[?::1?\]?:|^2(?:2[4-9]|[3-5]\d)\.|^255\.255\.255\.255)", endpoint);
        foreach ((string name, string text) in outputs.Texts)
        {
            Assert.True(text.Contains(endpoint, StringComparison.Ordinal), $"{endpoint} (first SA) is not in the {name} report");
        }
    }

    /// <summary>Addresses and IKE identity names of a capture, as tshark decodes them (inner headers too); revealing ones only.</summary>
    private static List<string> CaptureSecrets(string capture)
    {
        string[] fields =
        [
            "ip.src", "ip.dst", "ipv6.src", "ipv6.dst", "isakmp.id.data.ipv4_addr", "isakmp.id.data.ipv6_addr",
            "isakmp.id.data.fqdn", "isakmp.id.data.user_fqdn",
        ];
        var arguments = new List<string> { "-n", "-T", "fields", "-E", "occurrence=a", "-E", "separator=\t", "-E", "aggregator=\t" };
        foreach (string field in fields)
        {
            arguments.Add("-e");
            arguments.Add(field);
        }

        // A truncated public capture makes tshark complain; what it decoded still counts.
        string output = Tshark.RunDamaged(capture, arguments);

        var secrets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string value in output.Split(['\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (NetAddress.TryParse(value, out NetAddress address))
            {
                if (Reveals(address))
                {
                    secrets.Add(address.ToString());
                }
            }
            else if (value.Length >= 4)
            {
                secrets.Add(value);
            }
        }

        return [.. secrets];
    }

    /// <summary>Names the model holds that --redact must replace: identities, certificate names, log computers and users.</summary>
    private static IEnumerable<string> ModelSecrets(Case @case)
    {
        foreach (CaptureModel capture in @case.Captures)
        {
            foreach (IkeSa sa in capture.IkeSas)
            {
                foreach (IkeIdentity id in sa.Identities)
                {
                    yield return id.Value;
                }

                foreach (IkeCertificate certificate in sa.Certificates)
                {
                    foreach (string? name in new[] { certificate.Subject, certificate.Issuer })
                    {
                        if (name is null)
                        {
                            continue;
                        }

                        yield return name;
                        foreach (Match cn in CommonName().Matches(name))
                        {
                            yield return cn.Groups[1].Value.Trim();
                        }
                    }
                }
            }
        }

        foreach (EventRecord record in @case.Events)
        {
            if (record.Computer is { Length: >= 4 } computer)
            {
                yield return computer;
            }

            foreach (KeyValuePair<string, string> pair in record.Data)
            {
                bool named = pair.Key.Contains("User", StringComparison.OrdinalIgnoreCase) || pair.Key.Contains("Computer", StringComparison.OrdinalIgnoreCase)
                    || pair.Key.Contains("Principal", StringComparison.OrdinalIgnoreCase);
                if (named && !record.DataIsPositional && pair.Value.Length >= 4 && !pair.Key.Contains("Sid", StringComparison.OrdinalIgnoreCase))
                {
                    yield return pair.Value;
                }
            }

            if (record.Normalized?.UserName is { Length: >= 4 } user)
            {
                yield return user;
            }
        }
    }

    private static IEnumerable<string> TextAddresses(string text)
    {
        foreach (Match match in TextAddress().Matches(text))
        {
            string candidate = match.Value.TrimEnd(':', '.');
            bool bytes = candidate.Length == 23 && candidate.Split(':').All(group => group.Length == 2); // an SPI, not an address
            if (!bytes && NetAddress.TryParse(candidate, out NetAddress address) && Reveals(address)
                && (candidate.Contains(':', StringComparison.Ordinal) || candidate.Count(c => c == '.') == 3))
            {
                yield return address.ToString();
            }
        }
    }

    private static bool Reveals(NetAddress address) =>
        address.IsV6 ? address.Value > 1 && (address.Value >> 120) != 0xFF
        : (byte)(address.Value >> 24) is not (0 or 127) && (byte)(address.Value >> 24) < 224;

    private static string JsonStrings(string json)
    {
        var text = new StringBuilder();
        using JsonDocument document = JsonDocument.Parse(json);
        Collect(document.RootElement);
        return text.ToString();

        void Collect(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (JsonProperty property in element.EnumerateObject())
                    {
                        text.Append(property.Name).Append('\n');
                        Collect(property.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (JsonElement item in element.EnumerateArray())
                    {
                        Collect(item);
                    }

                    break;
                case JsonValueKind.String:
                    text.Append(element.GetString()).Append('\n');
                    break;
            }
        }
    }

    private static void SkipUnless(bool condition, string reason)
    {
        if (!condition)
        {
            Assert.Skip(reason);
        }
    }

    [GeneratedRegex(@"\b(?:ipv4(?:-private)?|ipv6(?:-private|-link)?|port|host|domain|user|subject|id)-\d+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Pseudonym();

    [GeneratedRegex(@"CN\s*=\s*([^,/+]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommonName();

    [GeneratedRegex(@"(?<![0-9A-Za-z.:])(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})", RegexOptions.CultureInvariant)]
    private static partial Regex TextAddress();
}
