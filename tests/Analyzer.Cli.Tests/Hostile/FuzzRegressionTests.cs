using Analyzer.Fuzz;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// Every crash or hang AFL++ found (tests/fuzz/regressions/&lt;target&gt;/, our own minimised bytes)
/// replayed through the very fuzz target that found it, with a time bound so a hang fails instead
/// of stalling the suite.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    private static string Regressions => Path.Combine(RepoPaths.Root, "tests", "fuzz", "regressions");

    public static TheoryData<string, string> Findings()
    {
        var data = new TheoryData<string, string>();
        foreach (string directory in Directory.GetDirectories(Regressions).Order(StringComparer.Ordinal))
        {
            foreach (string file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(directory), Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task Fuzz_finding_runs_through_its_target_without_exception_or_hang(string target, string file)
    {
        Assert.True(FuzzTargets.TryGet(target, out FuzzBody body), $"regressions/{target} names no fuzz target");
        byte[] input = File.ReadAllBytes(Path.Combine(Regressions, target, file));
        // WaitAsync throws TimeoutException when the target hangs.
        await Task.Run(() => body(input), TestContext.Current.CancellationToken).WaitAsync(HangBound, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Pcap_whose_snaplen_admits_a_four_gigabyte_record_is_analysed_with_a_warning_not_a_hang()
    {
        string file = Path.Combine(Regressions, "pcap", "snaplen-near-2pow32-record-length-loops.pcap");
        string output = Path.Combine(Path.GetTempPath(), $"vpndiag-hostile-{Guid.NewGuid():N}.json");
        try
        {
            (int exitCode, _, string error) = await Task.Run(() =>
                CliRunner.Run("analyze", file, "--format", "json", "-o", output, "--quiet"), TestContext.Current.CancellationToken)
                .WaitAsync(HangBound, TestContext.Current.CancellationToken);
            CleanExit.Assert(exitCode, error, file, "fuzz finding");
            if (exitCode != 2)
            {
                // The damaged record is reported (as over the size limit, or as impossible for the
                // snaplen, depending on which check meets it first) and reading goes on.
                string report = File.ReadAllText(output);
                Assert.True(
                    report.Contains("over the 262144-byte limit", StringComparison.Ordinal)
                        || report.Contains("is impossible for snaplen", StringComparison.Ordinal),
                    "no warning about the oversized record in: " + report[..Math.Min(report.Length, 2000)]);
            }
        }
        finally
        {
            File.Delete(output);
        }
    }
}
