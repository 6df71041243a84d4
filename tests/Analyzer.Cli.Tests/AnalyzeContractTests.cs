using System.Text.Json;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>The CLI contract of <c>vpndiag analyze</c>: exit codes, one-line errors, formats.</summary>
public sealed class AnalyzeContractTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Scenario(string name)
    {
        string path = SampleScenarios.PathOf(name);
        if (!Directory.Exists(path))
        {
            Assert.Skip($"sample scenario {name} is absent");
        }

        return path;
    }

    [Fact]
    public void Unsupported_input_exits_2_with_one_line_naming_the_file()
    {
        string file = Path.Combine(_temp, "notes.txt");
        File.WriteAllText(file, "Customer says the VPN does not work.\n");

        (int exitCode, string output, string error) = CliRunner.Run("analyze", file);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.StartsWith("vpndiag: error:", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Timings_name_every_stage_up_to_writing_the_report_and_what_the_collector_did()
    {
        string report = Path.Combine(_temp, "report.json");
        (int exitCode, _, string error) = CliRunner.Run("analyze", Scenario("healthy-psk"), "-q", "--timings", "-o", report);

        Assert.InRange(exitCode, 0, 1);
        string[] lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("vpndiag: timing: ", line, StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains(": captures (read, decode, reconstruct) ", StringComparison.Ordinal) && line.Contains(" allocated so far ", StringComparison.Ordinal));
        Assert.Contains(": writing the report ", lines[^2], StringComparison.Ordinal);
        Assert.Matches(@": total [0-9.]+ ms \(process CPU so far [0-9]+ ms, peak working set [0-9]+ MB, garbage collections [0-9]+/[0-9]+/[0-9]+ of generation 0/1/2 pausing [0-9.]+ ms\)$", lines[^1]);
        Assert.True(File.Exists(report));
    }

    [Fact]
    public void A_capture_cut_inside_its_first_record_exits_1_under_its_warning_verdict_although_no_rule_fires()
    {
        // The global header (24 bytes), the first record's header (16) and 10 of its bytes.
        byte[] whole = File.ReadAllBytes(Path.Combine(Scenario("healthy-psk"), "client.pcap"));
        string file = Path.Combine(_temp, "client-cut.pcap");
        File.WriteAllBytes(file, whole[..50]);

        (int exitCode, string output, _) = CliRunner.Run("analyze", file, "--format", "json", "-q");

        using var report = System.Text.Json.JsonDocument.Parse(output);
        System.Text.Json.JsonElement verdict = report.RootElement.GetProperty("verdict");
        Assert.Equal("warning", verdict.GetProperty("severity").GetString());
        Assert.Null(verdict.GetProperty("rule").GetString());
        Assert.Contains("ends inside frame 1", verdict.GetProperty("sentence").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, exitCode);
    }

    [Fact]
    public void Missing_input_exits_2_naming_it()
    {
        string file = Path.Combine(_temp, "absent.pcap");
        (int exitCode, _, string error) = CliRunner.Run("analyze", file);
        Assert.Equal(2, exitCode);
        Assert.Contains(file, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_capture_header_exits_2_without_a_stack_trace()
    {
        string file = Path.Combine(_temp, "cut.pcap");
        File.WriteAllBytes(file, [0xD4, 0xC3, 0xB2, 0xA1, 0x02, 0x00]);
        (int exitCode, _, string error) = CliRunner.Run("analyze", file);
        Assert.Equal(2, exitCode);
        Assert.Contains("cut.pcap", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_2()
    {
        (int exitCode, _, string error) = CliRunner.Run("analyze", "--no-such-option", "x.pcap");
        Assert.Equal(2, exitCode);
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Failing_scenario_exits_1()
    {
        (int exitCode, string output, _) = CliRunner.Run("analyze", Scenario("udp500-blocked"), "--quiet");
        Assert.Equal(1, exitCode);
        Assert.StartsWith("# ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_output_the_report_is_markdown_on_stdout()
    {
        (_, string output, _) = CliRunner.Run("analyze", Scenario("psk-mismatch"), "--quiet");
        Assert.Contains("## Verdict", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.json", null, "json")]
    [InlineData("report.html", null, "html")]
    [InlineData("report.md", null, "md")]
    [InlineData("report.md", "json", "json")]
    [InlineData("report.txt", "html", "html")]
    public void Format_comes_from_the_option_else_from_the_extension(string file, string? format, string expected)
    {
        string output = Path.Combine(_temp, file);
        var args = new List<string> { "analyze", Scenario("psk-mismatch"), "-o", output, "--quiet" };
        if (format is not null)
        {
            args.AddRange(["--format", format]);
        }

        (int exitCode, _, string error) = CliRunner.Run([.. args]);
        Assert.True(exitCode is 0 or 1, error);
        string text = File.ReadAllText(output);
        switch (expected)
        {
            case "json":
                using (JsonDocument document = JsonDocument.Parse(text))
                {
                    Assert.Equal(1, document.RootElement.GetProperty("schemaVersion").GetInt32());
                }

                break;
            case "html":
                Assert.StartsWith("<!DOCTYPE html>", text.TrimStart(), StringComparison.OrdinalIgnoreCase);
                break;
            default:
                Assert.StartsWith("# ", text, StringComparison.Ordinal);
                break;
        }
    }

    [Fact]
    public void Csv_format_writes_a_directory_of_tables()
    {
        string output = Path.Combine(_temp, "tables");
        (int exitCode, _, string error) = CliRunner.Run("analyze", Scenario("psk-mismatch"), "--format", "csv", "-o", output, "--quiet");
        Assert.True(exitCode is 0 or 1, error);
        Assert.Contains(Directory.GetFiles(output), f => Path.GetFileName(f) == "findings.csv");
    }

    [Fact]
    public void Several_bundles_or_csv_into_an_existing_file_is_a_one_line_error()
    {
        string file = Path.Combine(_temp, "report.md");
        File.WriteAllText(file, "earlier report");
        foreach (string[] args in new[]
        {
            new[] { "analyze", Scenario("psk-mismatch"), Scenario("healthy-psk"), "-o", file, "--quiet" },
            new[] { "analyze", Scenario("psk-mismatch"), "--format", "csv", "-o", file, "--quiet" },
        })
        {
            (int exitCode, _, string error) = CliRunner.Run(args);
            Assert.Equal(2, exitCode);
            Assert.Equal(1, error.Count(c => c == '\n'));
            Assert.Contains(file + " is a file", error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        }

        Assert.Equal("earlier report", File.ReadAllText(file));
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_a_one_line_error()
    {
        string blocked = Path.Combine(_temp, "not-a-directory");
        File.WriteAllText(blocked, "");
        (int exitCode, _, string error) = CliRunner.Run("analyze", Scenario("psk-mismatch"), "-o", Path.Combine(blocked, "report.md"), "--quiet");
        Assert.Equal(2, exitCode);
        Assert.StartsWith("vpndiag: error: cannot write the report to ", error, StringComparison.Ordinal);
        Assert.Equal(1, error.Count(c => c == '\n'));
    }

    [Fact]
    public void Csv_format_without_an_output_directory_is_a_usage_error()
    {
        (int exitCode, _, string error) = CliRunner.Run("analyze", Scenario("psk-mismatch"), "--format", "csv");
        Assert.Equal(2, exitCode);
        Assert.Contains("-o", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_help_shows_examples()
    {
        (int exitCode, string output, _) = CliRunner.Run("analyze", "--help");
        Assert.Equal(0, exitCode);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
        Assert.Contains("--ike-keys", output, StringComparison.Ordinal);
    }
}

/// <summary>Every verb's --help shows how to use it by example.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("analyze")]
    [InlineData("events")]
    [InlineData("keys")]
    [InlineData("capture")]
    [InlineData("rules")]
    [InlineData("rules", "list")]
    [InlineData("rules", "test")]
    [InlineData("explain")]
    [InlineData("version")]
    public void Help_of_every_command_has_examples(params string[] command)
    {
        (int exitCode, string output, _) = CliRunner.Run([.. command, "--help"]);
        Assert.Equal(0, exitCode);
        Assert.Contains("Example", output, StringComparison.Ordinal);
    }
}
