using System.CommandLine;

namespace Analyzer.Cli;

/// <summary>The root command: wires every verb. Each verb lives in Commands/ as one file.</summary>
internal static class VpndiagCommand
{
    public static int Invoke(string[] args)
    {
        var root = new RootCommand("vpndiag: explains why an L2TP/IPsec VPN connection fails, from packet captures and logs.");
        return root.Parse(args).Invoke();
    }
}
