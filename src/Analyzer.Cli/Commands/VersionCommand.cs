using System.CommandLine;
using System.Reflection;

namespace Analyzer.Cli.Commands;

/// <summary><c>vpndiag version</c>: the tool's version, for bug reports.</summary>
internal static class VersionCommand
{
    public static string ToolVersion =>
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static Command Create()
    {
        var command = new Command("version", "Print vpndiag's version.\n\nExample:\n  vpndiag version");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Output.WriteLine("vpndiag " + ToolVersion);
            return 0;
        });
        return command;
    }
}
