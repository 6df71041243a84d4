using System.IO.Compression;
using System.Text.Json;

namespace Analyzer.Cli.Tests;

/// <summary>Directories, zips and loose files of the same evidence give the same diagnosis; batches give one report per bundle.</summary>
public sealed class BundleTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-bundle-").FullName;

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

    private string Analyse(params string[] inputs)
    {
        string output = Path.Combine(_temp, Guid.NewGuid().ToString("N") + ".json");
        (int exitCode, _, string error) = CliRunner.Run(["analyze", .. inputs, "-o", output, "--quiet"]);
        Assert.True(exitCode is 0 or 1, error);
        return File.ReadAllText(output);
    }

    /// <summary>Rule ids with the frames each cites: what must not depend on how the bundle was given.</summary>
    private static List<string> Findings(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("rule").GetString() + ":" + string.Join(',',
                f.GetProperty("evidence").EnumerateArray()
                    .Where(e => e.TryGetProperty("frame", out _))
                    .Select(e => e.GetProperty("frame").GetInt64())))
            .ToList();
    }

    [Fact]
    public void Directory_and_its_capture_files_give_the_same_findings()
    {
        string scenario = Scenario("udp500-blocked");
        string[] files = Directory.GetFiles(scenario).Where(f => f.EndsWith(".pcap", StringComparison.Ordinal) || f.EndsWith(".log", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        string copy = Path.Combine(_temp, "bundle");
        Directory.CreateDirectory(copy);
        foreach (string file in files)
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        Assert.Equal(Findings(Analyse(files)), Findings(Analyse(copy)));
    }

    [Fact]
    public void Zip_bundle_gives_the_same_findings_as_its_directory()
    {
        string scenario = Scenario("psk-mismatch");
        string zip = Path.Combine(_temp, "ticket.zip");
        ZipFile.CreateFromDirectory(scenario, zip);
        Assert.Equal(Findings(Analyse(scenario)), Findings(Analyse(zip)));
    }

    [Fact]
    public void Client_and_server_captures_given_as_files_equal_the_directory_holding_both()
    {
        string scenario = Scenario("esp-dropped-one-way");
        string copy = Path.Combine(_temp, "pair");
        Directory.CreateDirectory(copy);
        File.Copy(Path.Combine(scenario, "client.pcap"), Path.Combine(copy, "client.pcap"));
        File.Copy(Path.Combine(scenario, "server.pcap"), Path.Combine(copy, "server.pcap"));
        Assert.Equal(
            Findings(Analyse(Path.Combine(scenario, "client.pcap"), Path.Combine(scenario, "server.pcap"))),
            Findings(Analyse(copy)));
    }

    [Fact]
    public void Several_bundles_give_one_report_each_and_a_summary()
    {
        string first = Scenario("psk-mismatch");
        string second = Scenario("udp500-blocked");
        string output = Path.Combine(_temp, "reports");

        (int exitCode, _, string error) = CliRunner.Run("analyze", first, second, "-o", output, "--format", "json", "--quiet");

        Assert.Equal(1, exitCode);
        Assert.True(File.Exists(Path.Combine(output, "summary.md")), error);
        string summary = File.ReadAllText(Path.Combine(output, "summary.md"));
        Assert.Contains("psk-mismatch", summary, StringComparison.Ordinal);
        Assert.Contains("udp500-blocked", summary, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(output, "*.json").Count(f => !f.EndsWith("summary.json", StringComparison.Ordinal)));
    }

    [Fact]
    public void Zip_entry_names_never_become_paths_outside_the_bundle()
    {
        string scenario = Scenario("psk-mismatch");
        string zip = Path.Combine(_temp, "slip.zip");
        using (ZipArchive archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(Path.Combine(scenario, "client.pcap"), "../../../../tmp/evil-" + Guid.NewGuid().ToString("N") + ".pcap");
        }

        string before = string.Join('\n', Directory.GetFiles(Path.GetTempPath(), "evil-*"));
        (int exitCode, _, string error) = CliRunner.Run("analyze", zip, "--quiet");

        Assert.True(exitCode is 0 or 1, error);
        Assert.Equal(before, string.Join('\n', Directory.GetFiles(Path.GetTempPath(), "evil-*")));
    }

    [Fact]
    public void Nested_archive_in_a_bundle_is_refused_and_listed()
    {
        string scenario = Scenario("psk-mismatch");
        string inner = Path.Combine(_temp, "inner.zip");
        ZipFile.CreateFromDirectory(scenario, inner);
        string outer = Path.Combine(_temp, "outer.zip");
        using (ZipArchive archive = ZipFile.Open(outer, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(inner, "inner.zip");
            archive.CreateEntryFromFile(Path.Combine(scenario, "client.pcap"), "client.pcap");
        }

        string json = Analyse(outer);
        Assert.Contains("nested archive refused", json, StringComparison.Ordinal);
    }
}
