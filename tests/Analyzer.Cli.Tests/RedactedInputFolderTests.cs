namespace Analyzer.Cli.Tests;

/// <summary>--redact replaces the folders inputs were read from: a path names the customer, the ticket or the engineer.</summary>
public sealed class RedactedInputFolderTests
{
    [Fact]
    public void A_redacted_report_keeps_each_input_file_name_under_a_folder_pseudonym_and_no_folder_of_its_own()
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
            Assert.Contains("folder-1/client.pcap", markdown, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(output);
        }
    }
}
