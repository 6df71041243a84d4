using System.IO.Compression;
using Analyzer.Testing;

namespace Analyzer.Cli.Tests;

/// <summary>
/// Most support engineers run Windows: the single-file win-x64 build is cross-published here so it
/// cannot silently break; the .NET tool package carries the rule catalogue.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PublishCollection.Name)]
public sealed class PackagingTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("vpndiag-publish-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Dotnet => ExternalTool.Find("dotnet") ?? Path.Combine(Path.GetDirectoryName(Environment.ProcessPath) ?? string.Empty, "dotnet");

    [Fact]
    public void Win_x64_single_file_publishes_on_linux_with_its_rules()
    {
        string project = Path.Combine(RepoPaths.Root, "src", "Analyzer.Cli", "Analyzer.Cli.csproj");
        ExternalTool.Run(Dotnet,
            ["publish", project, "-c", "Release", "-r", "win-x64", "--self-contained", "-p:PublishSingleFile=true", "-o", _temp],
            TimeSpan.FromMinutes(10));

        Assert.True(File.Exists(Path.Combine(_temp, "vpndiag.exe")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_temp, "rules"), "*.yaml", SearchOption.AllDirectories));
    }

    [Fact]
    public void Tool_package_holds_the_vpndiag_command_and_the_rules()
    {
        string project = Path.Combine(RepoPaths.Root, "src", "Analyzer.Cli", "Analyzer.Cli.csproj");
        ExternalTool.Run(Dotnet, ["pack", project, "-c", "Release", "-o", _temp], TimeSpan.FromMinutes(10));

        string package = Assert.Single(Directory.GetFiles(_temp, "vpndiag.*.nupkg"));
        using ZipArchive archive = ZipFile.OpenRead(package);
        string[] entries = archive.Entries.Select(e => e.FullName).ToArray();
        Assert.Contains(entries, e => e.EndsWith("/vpndiag.dll", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("/rules/", StringComparison.Ordinal) && e.EndsWith(".yaml", StringComparison.Ordinal));
    }
}
