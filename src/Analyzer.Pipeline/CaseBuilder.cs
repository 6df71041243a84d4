using System.Collections.Concurrent;
using Analyzer.Pipeline.Inputs;
using Analyzer.Core;
using Analyzer.Correlation;
using Analyzer.Correlation.Attempts;
using Analyzer.Correlation.Events;
using Analyzer.Correlation.Paths;
using Analyzer.EventLogs;
using Analyzer.Capture;
using System.Globalization;
using Analyzer.Protocols.Ike.Decryption;
using Analyzer.Protocols.Keys;
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

        KeyStore? keys = LoadKeys(bundle, diagnostics);

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
                    DecodeSummary summary = CaptureDecoder.Decode(input, reconstructor, _limits, cancellationToken, captureProgress.For((int)index), keys);
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
        var results = new List<(AnalysisInput Input, EventLogReadResult Result)>();
        foreach (AnalysisInput input in bundle.Inputs.Where(IsLog))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                results.Add((input, EventLogReader.ReadWithTimeHints(input, _limits, logTime, cancellationToken)));
            }
            catch (EventLogReadException exception)
            {
                failures.Add((exception.Message, Unreadable(exception.File, exception.Offset, exception.Reason)));
            }
        }

        RedateFromOtherLogs(results, logTime, cancellationToken);
        foreach ((AnalysisInput input, EventLogReadResult result) in results)
        {
            events.AddRange(result.Records);
            diagnostics.AddRange(result.Diagnostics);
            performance.AddRange(result.Performance.Select(sample =>
                new PerformanceSample(input.Index, sample.Time, sample.Counter, sample.Value)));
            logsRead++;
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
            LoneCaptureVantage = PathComparer.PlaceLoneCapture(orderedCaptures),
            Attempts = attempts,
            Performance = performance,
            Diagnostics = diagnostics,
        };
    }

    /// <summary>
    /// Without a capture, a log whose lines carry no date (charon's <c>%H:%M:%S</c>) or no year took
    /// them from its file's modification time, which says when the file was copied, not when the
    /// lines were written. When other logs of the bundle carry full times, such a log is read again
    /// dated by their first time, so one negotiation logged in both shapes stays one attempt.
    /// </summary>
    private void RedateFromOtherLogs(List<(AnalysisInput Input, EventLogReadResult Result)> results, LogTimeHints logTime, CancellationToken cancellationToken)
    {
        if (logTime.CaptureStart is not null)
        {
            return;
        }

        // A time-of-day log takes the date of the logs that carry dates (a syslog date with the file's year
        // is still nearer than the file's own day); a year-less log only the year of logs that carry years.
        Timestamp? dated = FirstTime(results, r => r.DateFromFileTime == 0);
        Timestamp? yeared = FirstTime(results, r => r.DateFromFileTime == 0 && r.YearFromFileTime == 0);
        for (int i = 0; i < results.Count; i++)
        {
            EventLogReadResult result = results[i].Result;
            Timestamp? start = result.DateFromFileTime > 0 ? dated : result.YearFromFileTime > 0 ? yeared : null;
            if (start is not null)
            {
                results[i] = (results[i].Input, EventLogReader.ReadWithTimeHints(results[i].Input, _limits, logTime with { LogStart = start }, cancellationToken));
            }
        }
    }

    private static Timestamp? FirstTime(List<(AnalysisInput Input, EventLogReadResult Result)> results, Func<EventLogReadResult, bool> dates)
    {
        Timestamp? first = null;
        foreach ((_, EventLogReadResult result) in results)
        {
            if (!dates(result))
            {
                continue;
            }

            foreach (EventRecord record in result.Records)
            {
                if (record.Time is Timestamp time && (first is null || time < first.Value))
                {
                    first = time;
                }
            }
        }

        return first;
    }

    /// <summary>A file that could not be read at all, with the place the reader gave up.</summary>
    private static InputDiagnostic Unreadable(string file, long? offset, string reason) =>
        new(file, offset, null, reason + "; the file was not read", DiagnosticSeverity.Error);

    private static bool IsLog(AnalysisInput input) =>
        input.Kind is InputKind.Evtx or InputKind.Evt or InputKind.EventXml or InputKind.EventCsv
            or InputKind.PerformanceCsv or InputKind.DaemonLog;

    /// <summary>
    /// Every key of the bundle: files named with --keys/--ike-keys, key files found in the bundle,
    /// and the keys charon logs at "ike 4, chd 4" print. Key bytes never leave the store; the
    /// diagnostics name files, line numbers and counts only.
    /// </summary>
    private KeyStore? LoadKeys(TicketBundle bundle, List<InputDiagnostic> diagnostics)
    {
        var store = new KeyStore();
        var named = new List<(string Path, string Display, bool Explicit)>();
        named.AddRange(_keyFiles.Select(f => (f, f, true)));
        named.AddRange(bundle.Inputs.Where(i => i.Kind == InputKind.IkeKeys).Select(i => (i.Path, i.DisplayName, false)));
        foreach ((string path, string display, bool explicitly) in named)
        {
            try
            {
                KeyFileFormat format = SniffKeys(path);
                if (format == KeyFileFormat.Unknown)
                {
                    diagnostics.Add(new InputDiagnostic(display, null, null,
                        "not a key file vpndiag knows (esp_sa, ikev2_decryption_table, ikev1_decryption_table, ip xfrm state, charon log); no keys read", DiagnosticSeverity.Warning));
                    continue;
                }

                using StreamReader reader = File.OpenText(path);
                Report(display, format, KeyFiles.Read(reader, format, display, store), explicitly, diagnostics);
            }
            catch (IOException exception)
            {
                diagnostics.Add(new InputDiagnostic(display, null, null, "key file not read: " + exception.Message, DiagnosticSeverity.Warning));
            }
            catch (UnauthorizedAccessException exception)
            {
                diagnostics.Add(new InputDiagnostic(display, null, null, "key file not read: " + exception.Message, DiagnosticSeverity.Warning));
            }
        }

        foreach (AnalysisInput log in bundle.Inputs.Where(i => i.Kind == InputKind.DaemonLog))
        {
            try
            {
                using StreamReader reader = File.OpenText(log.Path);
                int found = CharonKeyLogReader.ReadInto(reader, log.DisplayName, store);
                if (found > 0)
                {
                    diagnostics.Add(new InputDiagnostic(log.DisplayName, null, null,
                        string.Create(CultureInfo.InvariantCulture, $"keys of {found} SA(s) read from this charon log"), DiagnosticSeverity.Info));
                }
            }
            catch (IOException)
            {
                // The log reader reports an unreadable log; keys are a bonus here.
            }
            catch (UnauthorizedAccessException)
            {
                // Same as above.
            }
        }

        return store.IsEmpty ? null : store;
    }

    private static KeyFileFormat SniffKeys(string path)
    {
        using FileStream stream = File.OpenRead(path);
        byte[] head = new byte[16384];
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return KeyFiles.Sniff(head.AsSpan(0, read));
    }

    private static void Report(string file, KeyFileFormat format, KeyReadResult result, bool explicitly, List<InputDiagnostic> diagnostics)
    {
        foreach ((int line, string reason) in result.Problems.Take(20))
        {
            diagnostics.Add(new InputDiagnostic(file, null, null,
                string.Create(CultureInfo.InvariantCulture, $"key file line {line}: {reason}; that entry is not used"), DiagnosticSeverity.Warning));
        }

        if (result.Keys > 0 || explicitly)
        {
            diagnostics.Add(new InputDiagnostic(file, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{result.Keys} key(s) read ({Describe(format)})"),
                result.Keys > 0 ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning));
        }
    }

    private static string Describe(KeyFileFormat format) => format switch
    {
        KeyFileFormat.EspSaTable => "Wireshark esp_sa table",
        KeyFileFormat.Ikev2Table => "Wireshark ikev2_decryption_table",
        KeyFileFormat.Ikev1Table => "Wireshark ikev1_decryption_table",
        KeyFileFormat.XfrmState => "ip xfrm state output",
        KeyFileFormat.CharonLog => "charon log",
        _ => "unknown format",
    };
}
