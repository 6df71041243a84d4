using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.Fuzz;
using Analyzer.Protocols.Traffic;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests.Hostile;

/// <summary>
/// A fixed-seed mutation campaign in the normal suite: thousands of damaged copies of the real
/// samples (bit flips, truncation, corrupted length fields, zeroed runs) go through the readers and
/// session stage (the fuzz targets' code) and a few hundred through the whole CLI. Any exception
/// escaping a reader is a bug; the CLI must answer with 0, 1 or 2 and a one-line message.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MutationTests : IDisposable
{
    private const int Seed = 20261124;
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-mutants-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string[] SampleCaptures()
    {
        string directory = Path.Combine(RepoPaths.Samples, "captures");
        if (!Directory.Exists(directory))
        {
            Assert.Skip("samples/captures is absent");
        }

        return Directory.GetFiles(directory, "*.pcap", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Runs <paramref name="count"/> mutants of each file through a fuzz target; a failing mutant is kept for the message.</summary>
    private static void Campaign(IEnumerable<string> files, int count, string target, Func<byte[], List<LengthField>> lengthFields)
    {
        Assert.True(FuzzTargets.TryGet(target, out FuzzBody body));
        var mutator = new Mutator(Seed);
        int runs = 0;
        foreach (string file in files)
        {
            byte[] original = File.ReadAllBytes(file);
            List<LengthField> fields = lengthFields(original);
            for (int i = 0; i < count; i++)
            {
                byte[] mutant = mutator.Mutate(original, fields);
                try
                {
                    body(mutant);
                }
                catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
                {
                    string kept = Path.Combine(Path.GetTempPath(), $"vpndiag-{target}-mutant-{Path.GetFileName(file)}-{i}");
                    File.WriteAllBytes(kept, mutant);
                    Assert.Fail($"{target} target threw on mutant {i} of {file} (kept as {kept}): {exception}");
                }

                runs++;
            }
        }

        Assert.True(runs > 0, $"no {target} mutants were run");
    }

    [Fact]
    public void Mutated_sample_captures_never_crash_the_decode_and_session_stages()
    {
        Campaign(SampleCaptures(), 60, "reassembly", LengthFieldLocator.Pcap);
    }

    [Fact]
    public void Mutated_pcapng_files_never_crash_the_capture_reader()
    {
        string captures = RepoPaths.RequireShared("captures");
        string[] files = Directory.GetFiles(captures, "*.pcapng", SearchOption.AllDirectories)
            .Where(f => new FileInfo(f).Length < 32 * 1024).Order(StringComparer.Ordinal).Take(8).ToArray();
        if (files.Length == 0)
        {
            Assert.Skip("no small pcapng file in ../shared/captures");
        }

        Campaign(files, 60, "pcap", LengthFieldLocator.Pcapng);
        Campaign(files.Take(3), 30, "reassembly", LengthFieldLocator.Pcapng);
    }

    [Theory]
    [InlineData("ike", "ike", 40)]
    [InlineData("l2tp", "l2tp", 150)]
    public void Mutated_real_datagrams_never_crash_their_session_tracker(string target, string kind, int perSeed)
    {
        var seeds = new List<string>();
        foreach (string capture in SampleCaptures())
        {
            string seed = Path.Combine(_temp, $"{kind}-{seeds.Count}.bin");
            if (SeedExtractor.Extract(capture, kind == "ike" ? TrafficKind.Ike : TrafficKind.L2tp, seed) > 0)
            {
                seeds.Add(seed);
            }
        }

        if (seeds.Count == 0)
        {
            Assert.Skip($"no sample capture carries plain {kind} traffic");
        }

        Campaign(seeds, perSeed, target, kind == "ike" ? LengthFieldLocator.FramedIsakmp : _ => []);
    }

    [Fact]
    public void Mutated_event_exports_never_crash_their_importers()
    {
        string events = Path.Combine(RepoPaths.Samples, "events");
        if (!Directory.Exists(events))
        {
            Assert.Skip("samples/events is absent");
        }

        Campaign(Directory.GetFiles(events, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal), 40, "xml", _ => []);
        Campaign(Directory.GetFiles(events, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal), 40, "csv", _ => []);
    }

    [Fact]
    public void Mutated_charon_logs_never_crash_the_daemon_log_reader()
    {
        string[] logs = Directory.GetFiles(Path.Combine(RepoPaths.Samples, "captures"), "charon-*.log", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Take(8).ToArray();
        if (logs.Length == 0)
        {
            Assert.Skip("no charon log in samples/captures");
        }

        var mutator = new Mutator(Seed);
        long records = 0;
        foreach (string log in logs)
        {
            byte[] original = File.ReadAllBytes(log);
            for (int i = 0; i < 25; i++)
            {
                string path = Path.Combine(_temp, "charon.log");
                byte[] mutant = mutator.Mutate(original, []);
                File.WriteAllBytes(path, mutant);
                EventLogReadResult result = EventLogReader.Read(new AnalysisInput(0, path, "charon.log", InputKind.DaemonLog),
                    AnalysisLimits.Default, 2026, TestContext.Current.CancellationToken);

                // Whatever was read points into the mutant: a line that exists, an offset inside the file.
                int lines = mutant.Count(b => b == (byte)'\n') + 1;
                string what = $"mutant {i} of {log}";
                Assert.True(result.Records.Count <= lines, $"{what}: {result.Records.Count} records from {lines} lines");
                Assert.All(result.Records, r => Assert.InRange(r.SourceLine ?? 1, 1, lines));
                Assert.All(result.Records, r => Assert.InRange(r.FileOffset ?? 0, 0, mutant.Length));
                Assert.All(result.Diagnostics, d => Assert.InRange(d.Offset ?? 0, 0, mutant.Length));
                records += result.Records.Count;
            }
        }

        // A damaged log still yields its readable lines: the mutants as a whole gave records.
        Assert.True(records > 0, "no record was read from any mutated charon log");
    }

    [Fact]
    public void Mutated_EVT_log_never_crashes_the_EVT_reader()
    {
        // The constructed 2003 log wraps around the file end, so mutants reach the ring-unrolling code too.
        Campaign([HostileSamples.Sample("events/legacy/server-security-2003.evt")], 300, "evt", LengthFieldLocator.Evt);
    }

    [Fact]
    public void Mutated_EVTX_files_never_crash_the_EVTX_reader()
    {
        string evtx = RepoPaths.RequireShared("evtx");
        string[] files = Directory.GetFiles(evtx, "*.evtx", SearchOption.AllDirectories)
            .OrderBy(f => new FileInfo(f).Length).ThenBy(f => f, StringComparer.Ordinal).Take(3).ToArray();
        if (files.Length == 0)
        {
            Assert.Skip("no EVTX file in ../shared/evtx");
        }

        Campaign(files, 60, "evtx", LengthFieldLocator.Evtx);
    }

    [Fact]
    public void Mutated_captures_through_the_CLI_exit_cleanly_with_one_line_errors()
    {
        var mutator = new Mutator(Seed);
        string[] captures = SampleCaptures();
        string output = Path.Combine(_temp, "report.json");
        for (int i = 0; i < 80; i++)
        {
            string original = captures[i % captures.Length];
            byte[] bytes = File.ReadAllBytes(original);
            string mutant = Path.Combine(_temp, $"mutant-{i}.pcap");
            File.WriteAllBytes(mutant, mutator.Mutate(bytes, LengthFieldLocator.Pcap(bytes)));
            (int exitCode, _, string error) = CliRunner.Run("analyze", mutant, "--format", "json", "-o", output, "--quiet");
            CleanExit.Assert(exitCode, error, mutant, $"mutant {i} of {original}");
        }
    }
}
