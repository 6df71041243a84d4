using System.Diagnostics;

namespace Analyzer.Testing;

/// <summary>
/// Runs oracle programs (tshark, evtxexport, editcap) for tests. A missing tool skips the test with
/// a visible reason; it is never faked.
/// </summary>
public static class ExternalTool
{
    /// <summary>The tool's full path on PATH, or null.</summary>
    public static string? Find(string name)
    {
        string? pathVariable = Environment.GetEnvironmentVariable("PATH");
        if (pathVariable is null)
        {
            return null;
        }

        foreach (string directory in pathVariable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The tool's path, or skips the calling test naming the Debian package to install.</summary>
    public static string Require(string name, string debianPackage) =>
        Find(name) ?? throw SkipFor(name, debianPackage);

    /// <summary>
    /// Runs a tool to completion and returns its standard output; fails the test on a non-zero exit
    /// unless <paramref name="acceptFailure"/> (a tool reading a damaged file still prints what it read).
    /// </summary>
    public static string Run(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null, bool acceptFailure = false)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + tool);
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(tool + " did not finish");
        }

        string output = stdout.GetAwaiter().GetResult();
        string errors = stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0 && !acceptFailure)
        {
            throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {errors}{Tail(output)}");
        }

        return output;
    }

    /// <summary>The last lines of standard output: tools such as dotnet print their errors there.</summary>
    private static string Tail(string output)
    {
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0 ? string.Empty : "\n" + string.Join('\n', lines[^Math.Min(lines.Length, 20)..]);
    }

    private static InvalidOperationException SkipFor(string name, string debianPackage)
    {
        Assert.Skip($"{name} is not installed (Debian package {debianPackage}); .ci/run installs it");
        return new InvalidOperationException("unreachable");
    }
}
