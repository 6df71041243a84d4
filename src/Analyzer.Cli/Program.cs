namespace Analyzer.Cli;

internal static class Program
{
    private static int Main(string[] args) => VpndiagCommand.Invoke(args);
}
