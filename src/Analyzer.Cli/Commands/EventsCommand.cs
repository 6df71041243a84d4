using System.CommandLine;
using Analyzer.Core;
using Analyzer.EventLogs;
using Analyzer.EventLogs.Output;
using Analyzer.Pipeline;
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
        var year = LogTimeOptions.Year();
        var logTz = LogTimeOptions.Zone();
        var timings = new Option<bool>("--timings") { Description = "Print how long start-up, each file and the output took (stderr)." };
        var command = new Command("events", "Print every event record parsed from the given logs (JSON or CSV), with its normalised kind.\n\n"
            + "Examples:\n  vpndiag events Security.evtx\n  vpndiag events client-application.csv charon.log --format csv -o events.csv");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(year);
        command.Options.Add(logTz);
        command.Options.Add(timings);
        command.SetAction((parseResult, ct) => Task.FromResult(RunWithHints(
            parseResult.GetValue(files) ?? [],
            parseResult.GetValue(format) ?? "json",
            parseResult.GetValue(output),
            new LogTimeHints { Year = parseResult.GetValue(year), Zone = LogTimeOptions.ZoneOf(parseResult.GetValue(logTz)) },
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            ct,
            parseResult.GetValue(timings) ? new StageClock() : null)));
        return command;
    }

    internal static int Run(string[] files, string format, string? outputPath, int? year, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunWithHints(files, format, outputPath, new LogTimeHints { Year = year }, stdout, stderr, ct);

    internal static int RunWithHints(string[] files, string format, string? outputPath, LogTimeHints hints, TextWriter stdout, TextWriter stderr, CancellationToken ct, StageClock? clock = null)
    {
        if (clock is not null)
        {
            // What the process spent before this verb ran (runtime start, command line); the first
            // file's time includes loading the event maps its records need.
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            stderr.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"vpndiag: timing: events: before the command ran {(DateTime.Now - process.StartTime).TotalMilliseconds:0.0} ms (process CPU so far {process.TotalProcessorTime.TotalMilliseconds:0} ms)"));
        }

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
                EventLogReadResult result = EventLogReader.ReadWithTimeHints(input, AnalysisLimits.Default, hints, ct);
                readable++;
                foreach (InputDiagnostic diagnostic in result.Diagnostics)
                {
                    stderr.WriteLine("vpndiag: " + (diagnostic.Severity == DiagnosticSeverity.Info ? "note" : "warning") + ": " + diagnostic);
                }

                foreach (EventRecord record in result.Records)
                {
                    read.Add((record, file));
                }

                clock?.Mark(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reading {Path.GetFileName(file)} ({result.Records.Count} records)"));
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

        if (clock is not null)
        {
            clock.Mark("writing " + format);
            clock.Write("events", stderr);
        }

        return 0;
    }

    private static void WriteJson(TextWriter target, List<(EventRecord Record, string Input)> records)
    {
        // Standard output and -o files are StreamWriters: the JSON goes straight to their stream
        // instead of through a buffer and a string of the whole output (three copies of it).
        if (target is StreamWriter { BaseStream: Stream stream } writer)
        {
            writer.Flush();
            EventRecordsJson.Write(records, stream);
            writer.WriteLine();
            return;
        }

        using var buffer = new MemoryStream();
        EventRecordsJson.Write(records, buffer);
        target.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        target.WriteLine();
    }
}
