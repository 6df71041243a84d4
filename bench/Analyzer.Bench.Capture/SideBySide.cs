using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Analyzer.Bench.Capture;

/// <summary>
/// Runs every contender on the same page-cached file, one process each and in turn, wrapped in
/// <c>/usr/bin/time</c> for CPU time and peak RSS, and prints a Markdown table (median and best
/// wall time, best CPU) with the ratios the bars are stated in.
/// </summary>
internal static class SideBySide
{
    public static int Run(string path, int repetitions, IReadOnlyList<string> vpndiagBuilds)
    {
        string self = Environment.ProcessPath!;
        string assembly = typeof(SideBySide).Assembly.Location;
        _ = Time("cat", [path], discardOutput: true); // warm the page cache

        var contenders = new List<Contender> { new("cat FILE > /dev/null", () => Time("cat", [path], discardOutput: true), repetitions) };
        foreach (string mode in new[] { "read", "frames", "decode", "sharppcap" })
        {
            string[] arguments = self.EndsWith("dotnet", StringComparison.Ordinal) ? [assembly, "measure", mode, path] : ["measure", mode, path];
            contenders.Add(new(mode switch
            {
                "read" => "managed sequential read (1 MiB buffer)",
                "frames" => "vpndiag reader only (framing, no decoding)",
                "decode" => "vpndiag decode (CaptureDecoder, counting sink)",
                _ => SharpPcapName,
            }, () => Time(self, arguments, discardOutput: false), repetitions));
        }

        // Each build given (e.g. the JIT/ReadyToRun publish and the Native AOT one), whole process, JSON report.
        foreach (string vpndiag in vpndiagBuilds)
        {
            contenders.Add(new($"vpndiag analyze --format json ({vpndiag})", () => Time(vpndiag, ["analyze", path, "--format", "json", "-q"], discardOutput: true), repetitions));
        }

        contenders.Add(new(TsharkName, () => Time("tshark", ["-n", "-r", path, "-Y", "isakmp || esp || l2tp", "-T", "fields", "-e", "frame.protocols"], discardOutput: false, summarise: SummariseTshark), 1));

        // Round robin, one run of each contender per round: a host whose load drifts during the
        // benchmark slows every contender alike instead of the ones that happened to run last.
        for (int round = 0; round < repetitions; round++)
        {
            foreach (Contender contender in contenders.Where(c => round < c.Repetitions))
            {
                contender.Results.Add(contender.Run());
            }
        }

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"File: {path} ({new FileInfo(path).Length / 1e6:F0} MB), {repetitions} rounds, contenders in turn (tshark once); load average {LoadAverage()}");
        table.AppendLine();
        table.AppendLine("| contender | median wall s | best wall s | best CPU s (user+sys) | peak RSS MB | in-process s | allocated MB | counts |");
        table.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (Contender contender in contenders)
        {
            table.AppendLine(Row(contender));
        }

        double sharpPcap = contenders.Single(c => c.Name == SharpPcapName).MedianWall;
        double tshark = contenders.Single(c => c.Name == TsharkName).MedianWall;
        table.AppendLine();
        foreach (Contender build in contenders.Where(c => c.Name.StartsWith("vpndiag analyze", StringComparison.Ordinal)))
        {
            table.AppendLine(CultureInfo.InvariantCulture, $"{build.Name}: {tshark / build.MedianWall:F1}x faster than tshark, {sharpPcap / build.MedianWall:F2}x faster than SharpPcap + PacketDotNet (median wall)");
        }

        Console.Write(table.ToString());
        return 0;
    }

    private const string SharpPcapName = "SharpPcap + PacketDotNet";
    private const string TsharkName = "tshark -r FILE -Y \"isakmp || esp || l2tp\"";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] + $" on {Environment.ProcessorCount} cores" : "unknown";

    private static string Row(Contender c)
    {
        Result bestCpu = c.Results.MinBy(r => r.Cpu)!;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {c.Name} | {c.MedianWall:F3} | {c.Results.Min(r => r.Wall):F3} | {bestCpu.Cpu:F2} | {c.Results.Max(r => r.PeakKilobytes) / 1024.0:F0} | {bestCpu.Inner} | {bestCpu.Allocated} | {bestCpu.Counts} |");
    }

    private sealed record Contender(string Name, Func<Result> Run, int Repetitions)
    {
        public List<Result> Results { get; } = [];

        public double MedianWall
        {
            get
            {
                double[] walls = [.. Results.Select(r => r.Wall).Order()];
                return walls.Length % 2 == 1 ? walls[walls.Length / 2] : (walls[(walls.Length / 2) - 1] + walls[walls.Length / 2]) / 2;
            }
        }
    }

    /// <summary>Wall time from a stopwatch around the process (milliseconds, where /usr/bin/time gives hundredths); CPU and peak RSS from /usr/bin/time.</summary>
    private sealed record Result(double Wall, double Cpu, long PeakKilobytes, string Inner, string Allocated, string Counts);

    private static Result Time(string tool, string[] arguments, bool discardOutput, Func<string, string>? summarise = null)
    {
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("TIME %M %U %S");
        start.ArgumentList.Add(tool);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        long started = Stopwatch.GetTimestamp();
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string output;
        if (discardOutput)
        {
            process.StandardOutput.BaseStream.CopyTo(Stream.Null);
            output = string.Empty;
        }
        else if (summarise is not null)
        {
            output = summarise(process.StandardOutput.ReadToEnd());
        }
        else
        {
            output = process.StandardOutput.ReadToEnd().Trim();
        }

        process.WaitForExit();
        double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        string timeLine = stderr.Result.Split('\n').Last(l => l.StartsWith("TIME ", StringComparison.Ordinal));
        string[] t = timeLine.Split(' ');
        long peak = long.Parse(t[1], CultureInfo.InvariantCulture);
        double cpu = double.Parse(t[2], CultureInfo.InvariantCulture) + double.Parse(t[3], CultureInfo.InvariantCulture);
        if (summarise is null && output.Length > 0)
        {
            // mode \t seconds \t allocated \t peakKB \t counts
            string[] f = output.Split('\t');
            return new Result(wall, cpu, peak, f[1], (long.Parse(f[2], CultureInfo.InvariantCulture) / 1e6).ToString("F1", CultureInfo.InvariantCulture), f[4]);
        }

        return new Result(wall, cpu, peak, "-", "-", output);
    }

    private static string SummariseTshark(string output)
    {
        long esp = 0, ike = 0, l2tp = 0;
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Contains(":esp", StringComparison.Ordinal))
            {
                esp++;
            }
            else if (line.Contains(":isakmp", StringComparison.Ordinal))
            {
                ike++;
            }
            else if (line.Contains(":l2tp", StringComparison.Ordinal))
            {
                l2tp++;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"esp={esp} ike={ike} l2tp={l2tp}");
    }
}
