namespace Analyzer.Cli.Tests;

/// <summary>
/// --redact replaces input paths and file names: a folder names the customer, the ticket or the
/// engineer, and a file name is chosen by whoever saved it (a user, a host, an address).
/// </summary>
public sealed class RedactedInputFolderTests
{
    [Fact]
    public void A_redacted_report_names_each_input_by_its_number_and_extension_and_no_folder_of_its_own()
    {
        string scenario = SampleScenarios.PathOf("psk-mismatch");
        string output = Path.Combine(Path.GetTempPath(), "vpndiag-folder-" + Guid.NewGuid().ToString("N") + ".md");
        try
        {
            (int exit, _, string error) = CliRunner.Run("analyze", scenario, "--redact", "--format", "md", "-o", output);
            Assert.True(exit is 0 or 1, error);
            string markdown = File.ReadAllText(output);
            Assert.DoesNotContain(scenario, markdown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("samples/captures", markdown, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("input-1.log", markdown, StringComparison.Ordinal);
            Assert.Contains(".pcap#", markdown.Replace("\\#", "#", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Matches(@"input-\d+\.pcap", markdown);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>
    /// Files named after a user, a host and an address (IPv4, IPv6 with colons as Linux allows, IPv6
    /// in the dashed spelling Windows users write), one named by a whole Windows path, and a stray
    /// file the folder reader skips: none of those names survives in any of the four formats.
    /// </summary>
    [Fact]
    public void File_names_carrying_a_user_a_host_or_an_address_leave_nothing_behind_in_any_redacted_format()
    {
        string scenario = SampleScenarios.PathOf("psk-mismatch");
        string folder = Path.Combine(Path.GetTempPath(), "vpndiag-names-" + Guid.NewGuid().ToString("N"));
        string ticket = Path.Combine(folder, "ticket");
        Directory.CreateDirectory(ticket);
        string[] leaks = ["jdoe", "acme-corp", "192.0.2.77", "2001:db8::77", "2001-db8--77", "Users"];
        try
        {
            File.Copy(Path.Combine(scenario, "client.pcap"), Path.Combine(ticket, "jdoe-laptop.pcap"));
            File.Copy(Path.Combine(scenario, "server.pcap"), Path.Combine(ticket, "vpn-gw.acme-corp.example.pcap"));
            File.Copy(Path.Combine(scenario, "server.pcap"), Path.Combine(ticket, "192.0.2.77.pcap"));
            File.Copy(Path.Combine(scenario, "client.pcap"), Path.Combine(ticket, "2001:db8::77.pcapng"));
            File.Copy(Path.Combine(scenario, "client.pcap"), Path.Combine(ticket, "2001-db8--77.pcap"));
            File.Copy(Path.Combine(scenario, "charon-server.log"), Path.Combine(ticket, @"C:\Users\jdoe\Desktop\charon.log"));
            File.WriteAllText(Path.Combine(ticket, "jdoe notes.txt"), "not a log");

            var texts = new List<(string What, string Text)>();
            foreach (string format in new[] { "md", "html", "json" })
            {
                string output = Path.Combine(folder, "report." + format);
                (int exit, _, string error) = CliRunner.Run("analyze", ticket, "--redact", "--format", format, "-o", output);
                Assert.True(exit is 0 or 1, error);
                texts.Add((format, File.ReadAllText(output)));
            }

            string csv = Path.Combine(folder, "csv");
            (int csvExit, _, string csvError) = CliRunner.Run("analyze", ticket, "--redact", "--format", "csv", "-o", csv);
            Assert.True(csvExit is 0 or 1, csvError);
            foreach (string table in Directory.GetFiles(csv))
            {
                texts.Add((Path.GetFileName(table), File.ReadAllText(table)));
            }

            foreach ((string what, string text) in texts)
            {
                foreach (string leak in leaks)
                {
                    Assert.False(text.Contains(leak, StringComparison.OrdinalIgnoreCase), $"{what} still holds '{leak}'");
                }
            }

            string json = texts[2].Text;
            Assert.Contains("\"input-1.", json, StringComparison.Ordinal);
            Assert.Contains(".pcapng\"", json, StringComparison.Ordinal);
            Assert.Contains(".log\"", json, StringComparison.Ordinal);
            Assert.Contains("file-1.txt", json, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
