using System.CommandLine;

namespace Analyzer.Cli.Tests;

/// <summary>Runs vpndiag in-process with captured stdout and stderr.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        RootCommand root = VpndiagCommand.Build();
        int exitCode = VpndiagCommand.Invoke(root, args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
