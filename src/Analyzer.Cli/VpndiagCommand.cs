using System.CommandLine;
using Analyzer.Cli.Commands;

namespace Analyzer.Cli;

/// <summary>The root command: wires every verb. Each verb lives in Commands/ as one file with a static Create().</summary>
internal static class VpndiagCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand("vpndiag: explains why an L2TP/IPsec VPN connection fails, from packet captures and logs.");
        foreach (Command command in Verbs())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static int Invoke(string[] args) => Build().Parse(args).Invoke();

    // One line per verb; add new verbs here.
    private static IEnumerable<Command> Verbs()
    {
        yield return VersionCommand.Create();
        yield return CaptureCommand.Create();
        yield return RulesCommand.Create();
        yield return ExplainCommand.Create();
        yield return KeysCommand.Create();
    }
}
