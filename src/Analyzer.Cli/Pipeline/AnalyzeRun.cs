using Analyzer.EventLogs;
using Analyzer.Cli.Commands;
using Analyzer.Core;
using Analyzer.Pipeline;
using Analyzer.Pipeline.Inputs;
using Analyzer.Reporting;
using Analyzer.Reporting.Batch;
using Analyzer.Reporting.Json;
using Analyzer.Reporting.Redaction;

namespace Analyzer.Cli.Pipeline;

/// <summary>
/// One <c>vpndiag analyze</c> invocation: collects the bundles, runs the pipeline and the rules on
/// each (in parallel when there are several), writes the reports and decides the exit code.
/// </summary>
internal sealed class AnalyzeRun
{
    private readonly AnalyzeRequest _request;
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    public AnalyzeRun(AnalyzeRequest request, TextWriter output, TextWriter error)
    {
        _request = request;
        _output = output;
        _error = error;
    }

    public int Execute(CancellationToken cancellationToken)
    {
        if (_request.Format == ReportFormat.Csv && _request.Output is null)
        {
            _error.WriteLine("vpndiag: error: --format csv writes a directory of tables; give it with -o DIR");
            return ExitCodes.NothingAnalysed;
        }

        foreach (string keyFile in _request.KeyFiles)
        {
            if (!File.Exists(keyFile))
            {
                _error.WriteLine($"vpndiag: error: {keyFile}: IKE key table not found");
                return ExitCodes.NothingAnalysed;
            }
        }

        using var rules = new BackgroundRuleLoad(_request.RuleDirectories, cancellationToken,
            _request.Format == ReportFormat.Json ? JsonReportWriter.Prepare : null);

        List<TicketBundle> bundles;
        try
        {
            bundles = BundleCollector.Collect(_request.Inputs, AnalysisLimits.Default);
        }
        catch (InputException error)
        {
            _error.WriteLine("vpndiag: error: " + error.Message);
            return ExitCodes.NothingAnalysed;
        }

        try
        {
            if ((bundles.Count > 1 || _request.Format == ReportFormat.Csv) && _request.Output is string output && File.Exists(output))
            {
                _error.WriteLine($"vpndiag: error: {output} is a file; {(bundles.Count > 1 ? "several bundles write one report each" : "--format csv writes several tables")} into a directory given with -o");
                return ExitCodes.NothingAnalysed;
            }

            return bundles.Count == 1
                ? RunSingle(bundles[0], rules, cancellationToken)
                : RunBatch(bundles, rules, cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // Writing the report failed (read-only place, disk full, a directory in the way): one line, no trace.
            _error.WriteLine($"vpndiag: error: cannot write the report to {_request.Output ?? "standard output"}: {error.Message}");
            return ExitCodes.NothingAnalysed;
        }
        finally
        {
            foreach (TicketBundle bundle in bundles)
            {
                bundle.Dispose();
            }
        }
    }

    private int RunSingle(TicketBundle bundle, BackgroundRuleLoad rules, CancellationToken cancellationToken)
    {
        ReportDocument document;
        bool problems;
        StageClock? clock;
        try
        {
            (document, problems, clock) = TerminalProgress.Run(_request.Quiet, "Analysing " + bundle.Name,
                progress => Analyse(bundle, rules, progress, cancellationToken));
        }
        catch (InputException error)
        {
            _error.WriteLine("vpndiag: error: " + error.Message);
            return ExitCodes.NothingAnalysed;
        }

        try
        {
            if (_request.Output is null)
            {
                ReportWriter.Write(document, _request.Format, _output);
            }
            else
            {
                ReportWriter.WriteToPath(document, _request.Format, _request.Output);
            }
        }
        catch (RedactionLeakException leak)
        {
            // Better no report than one that gives away what --redact promised to hide.
            _error.WriteLine("vpndiag: error: " + leak.Message);
            return ExitCodes.NothingAnalysed;
        }

        WriteTimings(bundle, clock);
        return problems ? ExitCodes.Findings : ExitCodes.Clean;
    }

    private int RunBatch(List<TicketBundle> bundles, BackgroundRuleLoad rules, CancellationToken cancellationToken)
    {
        var summary = new BatchSummary();
        var reports = new ReportDocument?[bundles.Count];
        string? directory = _request.Output;
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        Parallel.For(0, bundles.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, index =>
        {
            TicketBundle bundle = bundles[index];
            try
            {
                (ReportDocument document, _, StageClock? clock) = Analyse(bundle, rules, progress: null, cancellationToken);
                reports[index] = document;
                string? path = null;
                if (directory is not null)
                {
                    path = Path.Combine(directory, ReportFileName(bundle.Name, index) + ReportFormatChoice.Extension(_request.Format));
                    ReportWriter.WriteToPath(document, _request.Format, path);
                }

                WriteTimings(bundle, clock);

                summary.Add(BatchEntry.FromReport(bundle.Name, document, path));
            }
            catch (Exception error) when (error is InputException or RedactionLeakException)
            {
                summary.Add(BatchEntry.Failed(bundle.Name, error.Message));
                lock (_error)
                {
                    _error.WriteLine("vpndiag: error: " + error.Message);
                }
            }
        });

        if (directory is null)
        {
            for (int index = 0; index < bundles.Count; index++)
            {
                if (reports[index] is not ReportDocument document)
                {
                    continue;
                }

                try
                {
                    ReportWriter.Write(document, ReportFormat.Markdown, _output);
                    _output.WriteLine();
                }
                catch (RedactionLeakException leak)
                {
                    _error.WriteLine("vpndiag: error: " + leak.Message);
                    summary.Add(BatchEntry.Failed(bundles[index].Name, leak.Message));
                }
            }

            summary.WriteMarkdown(_output);
        }
        else
        {
            using (var markdown = new StreamWriter(Path.Combine(directory, "summary.md")))
            {
                summary.WriteMarkdown(markdown);
            }

            using FileStream json = File.Create(Path.Combine(directory, "summary.json"));
            summary.WriteJson(json, DateTimeOffset.UtcNow);
        }

        return summary.ExitCode;
    }

    private (ReportDocument Document, bool Problems, StageClock? Clock) Analyse(TicketBundle bundle, BackgroundRuleLoad rules, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        StageClock? clock = _request.Timings ? new StageClock() : null;
        var options = new BundleAnalysisOptions
        {
            KeyFiles = _request.KeyFiles,
            LogTime = new LogTimeHints { Year = _request.Year, Zone = _request.LogZone },
            Clock = clock,
            Report = new ReportOptions { ToolVersion = VersionCommand.ToolVersion, Redact = _request.Redact },
            RulesEvaluated = rules.StopPrecompiling,
        };
        BundleAnalysisResult result = BundleAnalysis.Run(bundle, () => rules.Wait(_error), options, progress, cancellationToken);
        return (result.Document, result.HasProblems, clock);
    }

    /// <summary>Once the report is written, which is the last stage timed (in a batch printed on standard output the reports are printed after every bundle is analysed, untimed).</summary>
    private void WriteTimings(TicketBundle bundle, StageClock? clock)
    {
        if (clock is null)
        {
            return;
        }

        clock.Mark("writing the report");
        lock (_error)
        {
            clock.Write(bundle.Name, _error);
        }
    }

    /// <summary>A file name from the bundle's name: its last path part, made safe, numbered to stay unique.</summary>
    private static string ReportFileName(string bundleName, int index)
    {
        string leaf = Path.GetFileNameWithoutExtension(bundleName.TrimEnd('/', '\\'));
        char[] safe = leaf.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        string name = new string(safe).Trim('.');
        return $"{index + 1:D2}-{(name.Length == 0 ? "bundle" : name)}";
    }
}
