using System.Diagnostics;
using System.Globalization;
using Analyzer.Core;
using Analyzer.EventLogs;
using BenchmarkDotNet.Running;

namespace Analyzer.Bench.EventLogs;

/// <summary>
/// <c>dotnet run -c Release --project bench/Analyzer.Bench.EventLogs</c> runs BenchmarkDotNet;
/// <c>-- --quick [rounds]</c> prints records/s and MB/s over the samples (for docs/performance.md, section "Event logs (EVTX)");
/// <c>-- --quick-xml [rounds]</c> the same for XML exports (section "Event logs (XML exports)");
/// <c>-- --build-evtx OUTPUT SIZE_MB [EVTX...]</c> writes a large EVTX built from the chunks of the
/// given files, else of every sample (the large-file figure of docs/performance.md; keep it under /tmp).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--quick-xml")
        {
            int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
            (string large, string large16) = XmlExportFiles.Large(100);
            Measure("samples/events XML", XmlExportFiles.Samples(), XmlReadBenchmark.Read, rounds * 100);
            Measure("100 MB UTF-8 export", [large], XmlReadBenchmark.Read, rounds);
            Measure("100 MB UTF-16LE export", [large16], XmlReadBenchmark.Read, rounds);
            return 0;
        }

        if (args.Length >= 3 && args[0] == "--build-evtx")
        {
            string[] sources = args.Length > 3 ? args[3..] : SampleFiles.Find();
            (int chunks, long records) = LargeEvtxFile.Write(args[1], long.Parse(args[2], CultureInfo.InvariantCulture) * 1_000_000, sources);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{args[1]}: {chunks} chunks, {records} records"));
            return 0;
        }

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
        Measure("EVTX samples", SampleFiles.Find(), Read, rounds);
        return 0;
    }

    private static void Measure(string what, string[] files, Func<string[], long> read, int rounds)
    {
        long bytes = files.Sum(f => new FileInfo(f).Length);
        long records = 0;
        read(files); // warm-up: JIT and file cache
        var watch = Stopwatch.StartNew();
        for (int round = 0; round < rounds; round++)
        {
            records += read(files);
        }

        watch.Stop();
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {files.Length} files, {records / rounds} records, {bytes / 1e6:F1} MB per round; {rounds} rounds in {seconds:F2} s: {records / seconds:F0} records/s, {bytes * rounds / 1e6 / seconds:F1} MB/s"));
    }

    private static long Read(string[] files) => ReadAll(files, InputKind.Evtx);

    internal static long ReadAll(string[] files, InputKind kind)
    {
        long records = 0;
        for (int i = 0; i < files.Length; i++)
        {
            var input = new AnalysisInput(i, files[i], files[i], kind);
            records += EventLogReader.Read(input, AnalysisLimits.Default, null, CancellationToken.None).Records.Count;
        }

        return records;
    }
}
