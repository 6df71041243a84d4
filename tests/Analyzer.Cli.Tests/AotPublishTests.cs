using System.Diagnostics;
using System.Text.RegularExpressions;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// The Native AOT build (docs/decisions/0002-native-aot-build.md) trims what it cannot see called, and
/// rule conditions and YAML reach members by reflection: a member trimmed away breaks a rule only at
/// run time. So the AOT binary is published once and must pass every rule example and give the same
/// report as the JIT build on every sample.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PublishCollection.Name)]
public sealed partial class AotPublishTests(AotPublishTests.PublishedBinary published) : IClassFixture<AotPublishTests.PublishedBinary>
{
    private Lazy<string> Binary => published.Binary;

    /// <summary>The binary, published once for the class on first use; its 90 MB folder is deleted afterwards.</summary>
    public sealed class PublishedBinary : IDisposable
    {
        private readonly string _output = Path.Combine(Path.GetTempPath(), "vpndiag-aot-" + Guid.NewGuid().ToString("N"));

        public PublishedBinary() => Binary = new(() => Publish(_output), LazyThreadSafetyMode.ExecutionAndPublication);

        public Lazy<string> Binary { get; }

        public void Dispose()
        {
            if (Directory.Exists(_output))
            {
                Directory.Delete(_output, recursive: true);
            }
        }
    }

    [Fact]
    public void Aot_binary_passes_every_rule_example()
    {
        (int exitCode, string output, string error) = Run(Binary.Value, ["rules", "test", RepoPaths.Rules]);
        Assert.True(exitCode == 0, output + error);
        Match summary = Summary().Match(output);
        Assert.True(summary.Success, output);
        Assert.Equal("0", summary.Groups["failed"].Value);
        Assert.Equal("0", summary.Groups["broken"].Value);
        Assert.NotEqual("0", summary.Groups["passed"].Value);
    }

    [Fact]
    public void Aot_binary_reports_every_sample_as_the_jit_build_does()
    {
        string[] bundles = [.. Directory.GetDirectories(Path.Combine(RepoPaths.Samples, "captures")),
            .. Directory.GetDirectories(Path.Combine(RepoPaths.Samples, "events"))];
        Assert.NotEmpty(bundles);
        foreach (string bundle in bundles.Order(StringComparer.Ordinal))
        {
            (int aotExit, string aot, string aotError) = Run(Binary.Value, ["analyze", bundle, "--format", "json", "-q"]);
            (int jitExit, string jit, _) = CliRunner.Run("analyze", bundle, "--format", "json", "-q");
            Assert.True(jitExit == aotExit, $"{bundle}: exit {aotExit} (AOT) vs {jitExit} (JIT): {aotError}");
            Assert.Equal(WithoutGenerationTime(jit), WithoutGenerationTime(aot));
        }
    }

    private static string WithoutGenerationTime(string json) => GeneratedAt().Replace(json, "").Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Publish(string output)
    {
        string dotnet = ExternalTool.Find("dotnet") ?? Path.Combine(Path.GetDirectoryName(Environment.ProcessPath) ?? string.Empty, "dotnet");
        // ILCompiler links with clang (Debian package clang); gcc serves where only it is installed.
        string linker = ExternalTool.Find("clang") is null && ExternalTool.Find("gcc") is not null
            ? "gcc"
            : Path.GetFileName(ExternalTool.Require("clang", "clang"));
        Directory.CreateDirectory(output);
        ExternalTool.Run(dotnet,
            ["publish", Path.Combine(RepoPaths.Root, "src", "Analyzer.Cli", "Analyzer.Cli.csproj"), "-c", "Release", "-r", "linux-x64",
             "-p:PublishAot=true", "-p:CppCompilerAndLinker=" + linker, "-o", output],
            TimeSpan.FromMinutes(25));
        string binary = Path.Combine(output, "vpndiag");
        Assert.True(File.Exists(binary), "no native vpndiag in " + output);
        return binary;
    }

    private static (int ExitCode, string Output, string Error) Run(string binary, string[] arguments)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + binary);
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(binary + " did not finish");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    [GeneratedRegex(@"(?<passed>\d+) passed, (?<failed>\d+) failed, (?<broken>\d+) rule files with errors")]
    private static partial Regex Summary();

    [GeneratedRegex(@"""generatedAt"": ""[^""]*"",?")]
    private static partial Regex GeneratedAt();
}
