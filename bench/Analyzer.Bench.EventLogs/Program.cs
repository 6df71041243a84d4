using System.Diagnostics;
using System.Globalization;
using Analyzer.Core;
using Analyzer.EventLogs;
using BenchmarkDotNet.Running;

namespace Analyzer.Bench.EventLogs;

/// <summary>
/// <c>dotnet run -c Release --project bench/Analyzer.Bench.EventLogs</c> runs BenchmarkDotNet;
/// <c>-- --quick [rounds]</c> prints records/s and MB/s over the samples (for docs/performance.md, section "Event logs (EVTX)").
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--quick")
        {
            int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
            return Quick(rounds);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }

    private static int Quick(int rounds)
    {
        string[] files = SampleFiles.Find();
        long bytes = files.Sum(f => new FileInfo(f).Length);
        long records = 0;
        Read(files); // warm-up: JIT and file cache
        var watch = Stopwatch.StartNew();
        for (int round = 0; round < rounds; round++)
        {
            records += Read(files);
        }

        watch.Stop();
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Length} files, {records / rounds} records, {bytes / 1e6:F1} MB per round; {rounds} rounds in {seconds:F2} s: {records / seconds:F0} records/s, {bytes * rounds / 1e6 / seconds:F1} MB/s"));
        return 0;
    }

    private static long Read(string[] files)
    {
        long records = 0;
        for (int i = 0; i < files.Length; i++)
        {
            var input = new AnalysisInput(i, files[i], files[i], InputKind.Evtx);
            records += EventLogReader.Read(input, AnalysisLimits.Default, null, CancellationToken.None).Records.Count;
        }

        return records;
    }
}
