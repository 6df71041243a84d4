using System.CommandLine;
using System.Text;
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

    /// <summary>
    /// Runs with the process's standard streams. Standard output is buffered when it is a file or a
    /// pipe, as C's stdio does: a report of megabytes written through the console's own writer,
    /// which flushes every write, took a quarter of a whole analysis (docs/performance.md). On a
    /// terminal every line shows at once.
    /// </summary>
    public static int Invoke(string[] args)
    {
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16)
        {
            AutoFlush = !Console.IsOutputRedirected,
        };
        return Invoke(Build(), args, output, Console.Error);
    }

    /// <summary>
    /// Parses and runs. Anything that escapes a verb is a bug in vpndiag: it becomes one line on
    /// stderr and exit code 2, never a stack trace.
    /// </summary>
    public static int Invoke(RootCommand root, string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            // No termination handling by the parser: it ended the process 2 s after Ctrl+C, before
            // `capture` had flushed its file (an empty pcapng). `capture` stops on the signals
            // itself; every other verb may simply die on Ctrl+C, it writes its outputs at the end.
            var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            ParseResult parseResult = root.Parse(args);
            if (parseResult.Errors.Count > 0)
            {
                foreach (var parseError in parseResult.Errors)
                {
                    error.WriteLine("vpndiag: error: " + parseError.Message);
                }

                error.WriteLine("Try 'vpndiag --help'.");
                return ExitCodes.NothingAnalysed;
            }

            return parseResult.Invoke(configuration);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("vpndiag: cancelled");
            return ExitCodes.NothingAnalysed;
        }
        catch (Exception exception)
        {
            error.WriteLine($"vpndiag: internal error ({exception.GetType().Name}: {FirstLine(exception.Message)}); please report it with the input that caused it");
            return ExitCodes.NothingAnalysed;
        }
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }

    // One line per verb; add new verbs here.
    private static IEnumerable<Command> Verbs()
    {
        yield return AnalyzeCommand.Create();
        yield return VersionCommand.Create();
        yield return CaptureCommand.Create();
        yield return RulesCommand.Create();
        yield return ExplainCommand.Create();
        yield return EventsCommand.Create();
        yield return KeysCommand.Create();
    }
}
