using System.CommandLine;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.EventLogs.Output;
using Analyzer.Reporting.Json;

namespace Analyzer.Cli.Commands;

/// <summary>
/// <c>vpndiag events FILE... [--format json|csv] [-o PATH]</c>: every event record parsed, for
/// checking the parsers. Exit 0 when at least one file was read, 2 when none could be; problems
/// are one line each on stderr.
/// </summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Event logs: .evtx, .evt, XML or CSV exports, typeperf CSV, strongSwan/Libreswan/xl2tpd/pppd logs.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "json (default) or csv.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var year = new Option<int?>("--year") { Description = "Year for syslog lines, which carry none (default: the file's modification year)." };
        var command = new Command("events", "Print every event record parsed from the given logs (JSON or CSV), with its normalised kind.\n\n"
            + "Examples:\n  vpndiag events Security.evtx\n  vpndiag events client-application.csv charon.log --format csv -o events.csv");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(year);
        command.SetAction((parseResult, ct) => Task.FromResult(Run(
            parseResult.GetValue(files) ?? [],
            parseResult.GetValue(format) ?? "json",
            parseResult.GetValue(output),
            parseResult.GetValue(year),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            ct)));
        return command;
    }

    internal static int Run(string[] files, string format, string? outputPath, int? year, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var read = new List<(EventRecord Record, string Input)>();
        int readable = 0;
        for (int i = 0; i < files.Length; i++)
        {
            string file = files[i];
            if (!File.Exists(file))
            {
                stderr.WriteLine($"vpndiag: error: {file}: no such file");
                continue;
            }

            try
            {
                var input = new AnalysisInput(i, file, file, InputKind.Unknown);
                EventLogReadResult result = EventLogReader.Read(input, AnalysisLimits.Default, year, ct);
                readable++;
                foreach (InputDiagnostic diagnostic in result.Diagnostics)
                {
                    stderr.WriteLine("vpndiag: " + (diagnostic.Severity == DiagnosticSeverity.Info ? "note" : "warning") + ": " + diagnostic);
                }

                foreach (EventRecord record in result.Records)
                {
                    read.Add((record, file));
                }
            }
            catch (EventLogReadException exception)
            {
                stderr.WriteLine("vpndiag: error: " + exception.Message);
            }
        }

        if (readable == 0)
        {
            return 2;
        }

        TextWriter target = stdout;
        StreamWriter? outputFile = null;
        try
        {
            if (outputPath is not null)
            {
                outputFile = new StreamWriter(outputPath);
                target = outputFile;
            }

            if (format == "csv")
            {
                EventRecordCsv.Write(target, read);
            }
            else
            {
                WriteJson(target, read);
            }
        }
        catch (IOException exception)
        {
            stderr.WriteLine($"vpndiag: error: {outputPath}: {exception.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException exception)
        {
            stderr.WriteLine($"vpndiag: error: {outputPath}: {exception.Message}");
            return 2;
        }
        finally
        {
            outputFile?.Dispose();
        }

        return 0;
    }

    private static void WriteJson(TextWriter target, List<(EventRecord Record, string Input)> records)
    {
        using var buffer = new MemoryStream();
        EventRecordsJson.Write(records, buffer);
        target.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        target.WriteLine();
    }
}
