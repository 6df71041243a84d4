using System.Collections.Concurrent;
using Analyzer.Pipeline.Inputs;
using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Correlation.Attempts;
using Analyzer.Correlation.Events;
using Analyzer.Correlation.Paths;
using Analyzer.EventLogs;
using Analyzer.Capture;
using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Protocols.Traffic;
using Analyzer.Sessions;

namespace Analyzer.Pipeline;

/// <summary>
/// Runs read → decode → reconstruct → correlate for one ticket bundle and returns the
/// <see cref="Case"/> the rules read. An input that cannot be read at all becomes an error
/// diagnostic; only when no input could be read does it throw <see cref="InputException"/>.
/// </summary>
public sealed class CaseBuilder
{
    private readonly AnalysisLimits _limits;
    private readonly IReadOnlyList<string> _keyFiles;
    private readonly StageClock? _clock;

    public CaseBuilder(AnalysisLimits limits, IReadOnlyList<string> keyFiles)
        : this(limits, keyFiles, null)
    {
    }

    internal CaseBuilder(AnalysisLimits limits, IReadOnlyList<string> keyFiles, StageClock? clock)
    {
        _limits = limits;
        _keyFiles = keyFiles;
        _clock = clock;
    }

    /// <summary>What completes daemon log times (<c>--year</c>, <c>--log-tz</c>); the captures' start is added per bundle.</summary>
    public LogTimeHints LogTime { get; init; } = LogTimeHints.None;

    public Case Build(TicketBundle bundle, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var diagnostics = new List<InputDiagnostic>(bundle.Diagnostics);
        var failures = new List<(string Line, InputDiagnostic Diagnostic)>();

        IkeKeyTable? keys = LoadKeys(bundle, diagnostics);

        List<AnalysisInput> captureInputs = bundle.Inputs.Where(i => i.Kind is InputKind.Pcap or InputKind.Pcapng).ToList();
        var captures = new ConcurrentDictionary<int, CaptureModel>();
        var captureProgress = new ProgressSplitter(progress, captureInputs.Count);
        Parallel.ForEach(
            captureInputs,
            // The captures of one ticket (client and server side) are independent: one core each.
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            (input, _, index) =>
            {
                try
                {
                    var reconstructor = new TrafficReconstructor(input, _limits, keys, keepLedger: captureInputs.Count > 1);
                    DecodeSummary summary = CaptureDecoder.Decode(input, reconstructor, _limits, cancellationToken, captureProgress.For((int)index));
                    captures[input.Index] = reconstructor.Complete(summary);
                }
                catch (CaptureFormatException exception)
                {
                    lock (failures)
                    {
                        failures.Add((exception.Message, exception.Reason is string reason
                            ? Unreadable(exception.File ?? input.DisplayName, exception.Offset, reason)
                            : Unreadable(input.DisplayName, null, exception.Message)));
                    }
                }
            });

        List<CaptureModel> orderedCaptures = captures.OrderBy(pair => pair.Key).Select(pair => pair.Value).ToList();
        foreach (CaptureModel capture in orderedCaptures)
        {
            diagnostics.AddRange(capture.Diagnostics);
        }

        _clock?.Mark("captures (read, decode, reconstruct)");
        LogTimeHints logTime = LogTime with
        {
            CaptureStart = orderedCaptures.Select(c => c.Statistics.FirstTime).FirstOrDefault(t => t.HasValue),
        };

        var events = new List<EventRecord>();
        var performance = new List<PerformanceSample>();
        int logsRead = 0;
        foreach (AnalysisInput input in bundle.Inputs.Where(IsLog))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                EventLogReadResult result = EventLogReader.ReadWithTimeHints(input, _limits, logTime, cancellationToken);
                events.AddRange(result.Records);
                diagnostics.AddRange(result.Diagnostics);
                performance.AddRange(result.Performance.Select(sample =>
                    new PerformanceSample(input.Index, sample.Time, sample.Counter, sample.Value)));
                logsRead++;
            }
            catch (EventLogReadException exception)
            {
                failures.Add((exception.Message, Unreadable(exception.File, exception.Offset, exception.Reason)));
            }
        }

        _clock?.Mark("logs");
        if (orderedCaptures.Count == 0 && logsRead == 0)
        {
            throw new InputException(failures.Count > 0
                ? failures[0].Line
                : $"{bundle.Name}: no capture or log to analyse");
        }

        diagnostics.AddRange(failures.OrderBy(f => f.Diagnostic.Input, StringComparer.Ordinal).Select(f => f.Diagnostic));

        EventCorrelationResult correlation = EventCorrelator.Correlate(orderedCaptures, events);
        _clock?.Mark("event correlation");
        List<PathComparison> paths = PathComparer.Compare(orderedCaptures);
        _clock?.Mark("path comparison");
        AttemptSet attempts = AttemptBuilder.Build(orderedCaptures, events, correlation.Events, paths);
        _clock?.Mark("connection attempts");

        return new Case
        {
            Inputs = bundle.Inputs,
            Captures = orderedCaptures,
            Events = events,
            CorrelatedEvents = correlation.Events,
            ClockOffsets = correlation.Offsets,
            Paths = paths,
            Attempts = attempts,
            Performance = performance,
            Diagnostics = diagnostics,
        };
    }

    /// <summary>A file that could not be read at all, with the place the reader gave up.</summary>
    private static InputDiagnostic Unreadable(string file, long? offset, string reason) =>
        new(file, offset, null, reason + "; the file was not read", DiagnosticSeverity.Error);

    private static bool IsLog(AnalysisInput input) =>
        input.Kind is InputKind.Evtx or InputKind.Evt or InputKind.EventXml or InputKind.EventCsv
            or InputKind.PerformanceCsv or InputKind.DaemonLog;

    private IkeKeyTable? LoadKeys(TicketBundle bundle, List<InputDiagnostic> diagnostics)
    {
        var files = _keyFiles.Concat(bundle.Inputs.Where(i => i.Kind == InputKind.IkeKeys).Select(i => i.Path)).ToList();
        if (files.Count == 0)
        {
            return null;
        }

        var table = new IkeKeyTable();
        foreach (string file in files)
        {
            try
            {
                foreach (KeyValuePair<ulong, byte[]> pair in IkeKeyTable.Load(file).Keys)
                {
                    table.Add(pair.Key, pair.Value);
                }
            }
            catch (InvalidDataException exception)
            {
                diagnostics.Add(new InputDiagnostic(file, null, null, "IKE key table not used: " + exception.Message, DiagnosticSeverity.Warning));
            }
        }

        return table;
    }
}
