using Analyzer.Core;
using Analyzer.EventLogs.Csv;
using Analyzer.EventLogs.Daemon;
using Analyzer.EventLogs.Evt;
using Analyzer.EventLogs.Evtx;
using Analyzer.EventLogs.Normalization;
using Analyzer.EventLogs.Xml;

namespace Analyzer.EventLogs;

/// <summary>
/// Reads one log input of any supported kind into <see cref="EventRecord"/>s and normalises the
/// VPN-relevant ones. Damaged parts become diagnostics; a file that cannot be read at all throws
/// <see cref="EventLogReadException"/>.
/// </summary>
public static class EventLogReader
{
    /// <param name="yearHint">Year for syslog lines, which carry none (the capture's year); null means the file's modification year.</param>
    public static EventLogReadResult Read(AnalysisInput input, AnalysisLimits limits, int? yearHint, CancellationToken ct) =>
        ReadWithTimeHints(input, limits, new LogTimeHints { Year = yearHint }, ct);

    /// <param name="hints">What completes daemon log times that lack a year, a date or a zone.</param>
    public static EventLogReadResult ReadWithTimeHints(AnalysisInput input, AnalysisLimits limits, LogTimeHints hints, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hints);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        var result = new EventLogReadResult();
        InputKind kind = input.Kind;
        try
        {
            if (kind == InputKind.Unknown)
            {
                kind = SniffFile(input.Path);
            }

            switch (kind)
            {
                case InputKind.Evtx:
                    EvtxFileReader.Read(input, limits, result, ct);
                    break;
                case InputKind.Evt:
                    EvtFileReader.Read(input, limits, result, ct);
                    break;
                case InputKind.EventXml:
                    EventXmlFileReader.Read(input, limits, result, ct);
                    break;
                case InputKind.EventCsv:
                    EventCsvReader.Read(input, limits, result, ct);
                    break;
                case InputKind.PerformanceCsv:
                    PerformanceCsvReader.Read(input, limits, result, ct);
                    break;
                case InputKind.DaemonLog:
                    DaemonLogReader.Read(input, limits, hints, result, ct);
                    break;
                default:
                    throw new EventLogReadException(input.DisplayName, 0, "not a supported event log (EVTX, EVT, XML or CSV export, typeperf CSV, daemon log)");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EventLogReadException(input.DisplayName, 0, exception.Message);
        }

        EventNormalizer.NormalizeAll(result.Records);
        if (kind == InputKind.DaemonLog)
        {
            UnrecognisedLines.Report(input, result);
        }

        return result;
    }

    /// <summary>Reads the first bytes of a file and sniffs its kind.</summary>
    public static InputKind SniffFile(string path)
    {
        Span<byte> buffer = stackalloc byte[EventLogFormat.SniffLength];
        using FileStream stream = File.OpenRead(path);
        int read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return EventLogFormat.Sniff(buffer[..read], path);
    }
}
