using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Analyzer.Bench.Capture;

/// <summary>
/// Runs every contender on the same page-cached file, one process each, wrapped in
/// <c>/usr/bin/time</c> for whole-process wall time and peak RSS, and prints a Markdown table.
/// </summary>
internal static class SideBySide
{
    public static int Run(string path, int repetitions, IReadOnlyList<string> vpndiagBuilds)
    {
        string self = Environment.ProcessPath!;
        string assembly = typeof(SideBySide).Assembly.Location;
        var rows = new List<string>();
        _ = Time("cat", [path], discardOutput: true); // warm the page cache
        rows.Add(Row("cat FILE > /dev/null", Best(repetitions, () => Time("cat", [path], discardOutput: true))));
        foreach (string mode in new[] { "read", "frames", "decode", "sharppcap" })
        {
            string[] arguments = self.EndsWith("dotnet", StringComparison.Ordinal) ? [assembly, "measure", mode, path] : ["measure", mode, path];
            rows.Add(Row(mode switch
            {
                "read" => "managed sequential read (1 MiB buffer)",
                "frames" => "vpndiag reader only (framing, no decoding)",
                "decode" => "vpndiag decode (CaptureDecoder, counting sink)",
                _ => "SharpPcap + PacketDotNet",
            }, Best(repetitions, () => Time(self, arguments, discardOutput: false))));
        }

        // Each build given (e.g. the JIT/ReadyToRun publish and the Native AOT one), whole process, JSON report.
        foreach (string vpndiag in vpndiagBuilds)
        {
            rows.Add(Row($"vpndiag analyze --format json ({vpndiag})", Best(repetitions, () => Time(vpndiag, ["analyze", path, "--format", "json", "-q"], discardOutput: true))));
        }

        rows.Add(Row("tshark -r FILE -Y \"isakmp || esp || l2tp\"", Time("tshark", ["-n", "-r", path, "-Y", "isakmp || esp || l2tp", "-T", "fields", "-e", "frame.protocols"], discardOutput: false, summarise: SummariseTshark)));

        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture, $"File: {path} ({new FileInfo(path).Length / 1e6:F0} MB), best CPU of {repetitions} (tshark once); load average {LoadAverage()}");
        table.AppendLine();
        table.AppendLine("| contender | wall s (whole process) | CPU s (user+sys) | peak RSS MB | in-process s | allocated MB | counts |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        foreach (string row in rows)
        {
            table.AppendLine(row);
        }

        Console.Write(table.ToString());
        return 0;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] + $" on {Environment.ProcessorCount} cores" : "unknown";

    private static Result Best(int repetitions, Func<Result> run)
    {
        Result best = run();
        for (int i = 1; i < repetitions; i++)
        {
            Result next = run();
            if (next.Cpu < best.Cpu)
            {
                best = next;
            }
        }

        return best;
    }

    private static string Row(string name, Result r) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {r.Wall:F2} | {r.Cpu:F2} | {r.PeakKilobytes / 1024.0:F0} | {r.Inner} | {r.Allocated} | {r.Counts} |");

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
        start.ArgumentList.Add("TIME %e %M %U %S");
        start.ArgumentList.Add(tool);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

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
        string timeLine = stderr.Result.Split('\n').Last(l => l.StartsWith("TIME ", StringComparison.Ordinal));
        string[] t = timeLine.Split(' ');
        double wall = double.Parse(t[1], CultureInfo.InvariantCulture);
        long peak = long.Parse(t[2], CultureInfo.InvariantCulture);
        double cpu = double.Parse(t[3], CultureInfo.InvariantCulture) + double.Parse(t[4], CultureInfo.InvariantCulture);
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
