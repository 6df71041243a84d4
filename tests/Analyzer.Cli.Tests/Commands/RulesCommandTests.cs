using System.CommandLine;
using Analyzer.Cli.Commands;
using Analyzer.Core;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Commands;

public sealed class RulesCommandTests
{
    private const string UserRule = """
        id: user-rule
        title: A user's rule
        severity: info
        category: events
        cause: interoperability
        owner: client admin
        description: Fires on every case.
        subject: case
        condition: "true"
        summary: "always"
        remediation: [Nothing.]
        references: [none]
        examples:
          mustFire: [input.txt]
          mustNotFire: [input.txt]
        """;

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = VpndiagCommand.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Rules_list_prints_every_catalogue_rule()
    {
        (int exit, string output, string error) = Run("rules", "list");
        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("ike-no-response ", output, StringComparison.Ordinal);
        Assert.Contains("natt-udp4500-blocked ", output, StringComparison.Ordinal);
        Assert.Contains(" 0 rule files with errors", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_prints_description_evidence_and_remediation()
    {
        (int exit, string output, _) = Run("explain", "esp-not-received");
        Assert.Equal(0, exit);
        Assert.Contains("IP protocol 50", output, StringComparison.Ordinal);
        Assert.Contains("Evidence cited:", output, StringComparison.Ordinal);
        Assert.Contains("What to do:", output, StringComparison.Ordinal);
        Assert.Contains("  1. Allow IP protocol 50", output, StringComparison.Ordinal);
        Assert.Contains("(when !FloatedTo4500)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("{?", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_is_one_error_line_and_exit_2()
    {
        (int exit, string output, string error) = Run("explain", "no-such-rule");
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Equal("vpndiag: error: no rule \"no-such-rule\" (see vpndiag rules list)", error.TrimEnd());
    }

    [Fact]
    public void User_rules_directory_adds_rules_and_reports_broken_files_with_their_line()
    {
        string directory = Directory.CreateTempSubdirectory("vpndiag-user-rules").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "user-rule.yaml"), UserRule);
            File.WriteAllText(Path.Combine(directory, "broken.yaml"), "id: broken\ntitle: [\n");
            (int exit, string output, string error) = Run("rules", "list", "--rules", directory);
            Assert.Equal(0, exit);
            Assert.Contains("user-rule ", output, StringComparison.Ordinal);
            Assert.Contains("broken.yaml:", error, StringComparison.Ordinal);
            Assert.StartsWith("vpndiag: warning: ", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public void Rules_test_runs_examples_through_the_pipeline_and_reports_each()
    {
        string sample = Path.Combine(RepoPaths.Samples, "captures", "healthy-psk", "server.pcap");
        if (!File.Exists(sample))
        {
            Assert.Skip("samples/captures/healthy-psk is absent");
        }

        string directory = Directory.CreateTempSubdirectory("vpndiag-rule-test").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "samples"));
            Directory.CreateDirectory(Path.Combine(directory, "rules"));
            File.Copy(sample, Path.Combine(directory, "input.txt"));
            File.WriteAllText(Path.Combine(directory, "rules", "user-rule.yaml"), UserRule);
            (int exit, string output, _) = Run("rules", "test", Path.Combine(directory, "rules"));
            Assert.Equal(1, exit);
            Assert.Contains("PASS  user-rule  must fire", output, StringComparison.Ordinal);
            Assert.Contains("FAIL  user-rule  must not fire", output, StringComparison.Ordinal);
            Assert.Contains("1 passed, 1 failed", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Theory]
    [InlineData(false, "SKIP", 0)]
    [InlineData(true, "FAIL", 1)]
    public void Rules_test_skips_an_example_in_an_absent_public_folder_and_fails_one_missing_from_a_present_folder(
        bool sharedPresent, string verdict, int expectedExit)
    {
        string sample = Path.Combine(RepoPaths.Samples, "captures", "healthy-psk", "server.pcap");
        if (!File.Exists(sample))
        {
            Assert.Skip("samples/captures/healthy-psk is absent");
        }

        // <parent>/case is the example base (it holds samples/), so the public folder is <parent>/shared.
        string parent = Directory.CreateTempSubdirectory("vpndiag-rule-shared").FullName;
        try
        {
            string root = Path.Combine(parent, "case");
            Directory.CreateDirectory(Path.Combine(root, "samples"));
            Directory.CreateDirectory(Path.Combine(root, "rules"));
            if (sharedPresent)
            {
                Directory.CreateDirectory(Path.Combine(parent, "shared"));
            }

            File.Copy(sample, Path.Combine(root, "input.txt"));
            File.WriteAllText(Path.Combine(root, "rules", "user-rule.yaml"),
                UserRule.Replace("mustNotFire: [input.txt]", "mustNotFire: [../shared/captures/absent.pcap]", StringComparison.Ordinal));
            (int exit, string output, _) = Run("rules", "test", Path.Combine(root, "rules"));
            Assert.Equal(expectedExit, exit);
            Assert.Contains("PASS  user-rule  must fire", output, StringComparison.Ordinal);
            Assert.Contains(verdict + "  user-rule  must not fire  ../shared/captures/absent.pcap", output, StringComparison.Ordinal);
            Assert.Contains(sharedPresent ? "1 passed, 1 failed" : "1 passed, 0 failed", output, StringComparison.Ordinal);
            Assert.Equal(!sharedPresent, output.Contains("1 skipped (../shared absent)", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(parent, true);
        }
    }
}
