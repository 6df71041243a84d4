using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using Analyzer.Core;

namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// Reads strongSwan charon, Libreswan pluto, xl2tpd and pppd text logs: one record per line (the
/// line number is the record id), with time, host, daemon and message. Syslog times have no year:
/// the caller passes it (the capture's year). Charon's verbose lines give the IKE SA's SPIs
/// ([MGR] "checkin ... with SPIs X_i Y_r", or [ENC] "parsing rule 0 IKE_SPI" and its hex dump);
/// they are attached to every line of that SA so the correlator can tie them to the capture by cookies.
/// </summary>
internal static partial class DaemonLogReader
{
    public const string InitiatorSpiKey = "initiatorSpi";
    public const string ResponderSpiKey = "responderSpi";

    /// <summary>Data key naming the line's shape (charon-filelog, syslog, rfc5424, journal-json ...).</summary>
    public const string FormatKey = "format";

    // thread, group, connection, ikeSa, pid and format; the SPIs found later are added to the lines of their SA.
    private const int DataKeys = 6;

    [GeneratedRegex(@"^\s*(?:parsing|generating) rule (?<rule>[01]) IKE_SPI$")]
    private static partial Regex SpiRule();

    [GeneratedRegex(@"^\s*0: (?<hex>(?:[0-9A-F]{2} ){7}[0-9A-F]{2})")]
    private static partial Regex HexDumpFirstLine();

    // [MGR] at level 2+: "checkin IKEv1 SA l2tp[1] with SPIs 9ddc6530e77f57c0_i 419d2a71c983223f_r".
    [GeneratedRegex(@"with SPIs (?<i>[0-9a-f]{16})_i (?<r>[0-9a-f]{16})_r")]
    private static partial Regex ManagerSpis();

    public static void Read(AnalysisInput input, AnalysisLimits limits, LogTimeHints hints, EventLogReadResult result, CancellationToken ct)
    {
        using var reader = LineLengthGuard.OpenFile(input.Path, limits);
        Read(reader, input, limits, hints, File.GetLastWriteTimeUtc(input.Path), result, ct);
        reader.Report(input, result.Diagnostics);
    }

    /// <summary>Reads with syslog's missing year given (tests, callers that know it).</summary>
    public static void Read(TextReader reader, AnalysisInput input, AnalysisLimits limits, int year, EventLogReadResult result, CancellationToken ct) =>
        Read(reader, input, limits, new LogTimeHints { Year = year }, null, result, ct);

    public static void Read(TextReader reader, AnalysisInput input, AnalysisLimits limits, LogTimeHints hints, DateTime? fileTime, EventLogReadResult result, CancellationToken ct)
    {
        var pendingRule = new Dictionary<string, int>(StringComparer.Ordinal);   // thread → SPI rule awaiting its hex dump
        var spis = new Dictionary<string, (ulong Initiator, ulong Responder)>(StringComparer.Ordinal); // IKE SA unique id → SPIs
        var recordsBySa = new Dictionary<string, List<EventRecord>>(StringComparer.Ordinal);
        var others = new Dictionary<string, int>(StringComparer.Ordinal); // programs of a shared syslog that are not VPN daemons
        var plutoSerials = new PlutoSerials();
        int lineNumber = 0;
        int untimed = 0;
        int monotonic = 0;
        var strings = new StringLimit(input, limits);
        var repeated = new RepeatedStrings();
        var clock = new LogClock(hints, fileTime);
        string? lastDaemon = null;
        string? lastOther = null;          // the program of the line before, when it was not a VPN daemon
        Timestamp? lastTime = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (lineNumber % 4096 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            if (line.Length == 0 || IsJournalBanner(line))
            {
                continue;
            }

            line = strings.Cut(line, null, lineNumber, result.Diagnostics, string.Create(CultureInfo.InvariantCulture, $" on line {lineNumber}"));

            if (result.Records.Count >= limits.MaxEventRecords)
            {
                result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, lineNumber,
                    string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxEventRecords} log lines; the rest were not read")));
                break;
            }

            DaemonLine parsed = DaemonLineParser.Parse(line);
            // journalctl's short formats print a multi-line message's further lines indented under
            // its first: they belong to that line's program and time.
            bool continuation = parsed.Daemon == "unknown" && parsed.Time is null && line.StartsWith(' ');
            if (continuation && lastOther is not null)
            {
                others[lastOther] = others.GetValueOrDefault(lastOther) + 1;
                continue;
            }

            lastOther = null;
            if (parsed.Daemon == "unknown")
            {
                // A bare line continues the daemon before it, or is told by its wording (pppd's own log file).
                string? daemon = lastDaemon ?? DaemonByContent.Guess(parsed.Message);
                if (daemon is not null)
                {
                    parsed = parsed with { Daemon = daemon };
                    lastDaemon = daemon;
                }

                // pluto's own log file names no daemon on any line: once a line is told as pluto's, so is the rest.
                if (daemon == "pluto")
                {
                    lastDaemon = daemon;
                }
            }
            else if (!DaemonLineParser.IsVpnDaemon(parsed.Daemon))
            {
                others[parsed.Daemon] = others.GetValueOrDefault(parsed.Daemon) + 1;
                lastOther = parsed.Daemon;
                continue;
            }
            else
            {
                lastDaemon = parsed.Daemon;
            }

            Timestamp? time = parsed.Time is PartialTime partial ? clock.Complete(partial) : continuation ? lastTime : null;
            lastTime = time;
            if (time is null)
            {
                untimed++;
                if (parsed.TimeText is { } text && text.StartsWith('['))
                {
                    monotonic++;
                }
            }

            PlutoPrefix? pluto = null;
            if (parsed.Daemon == "pluto")
            {
                PlutoPrefix split = PlutoPrefix.Read(parsed.Message);
                pluto = split;
                parsed = parsed with
                {
                    Message = split.Message, Connection = split.Connection, IkeSaId = plutoSerials.IkeSaOf(split), Level = split.Level ?? parsed.Level,
                };
            }

            var data = new List<KeyValuePair<string, string>>(DataKeys);
            string? group = repeated.Share(parsed.Group);
            Add(data, "thread", repeated.Share(parsed.Thread));
            Add(data, "group", group);
            Add(data, "connection", repeated.Share(parsed.Connection));
            Add(data, "ikeSa", repeated.Share(parsed.IkeSaId));
            Add(data, "pid", repeated.Share(parsed.ProcessId));
            Add(data, FormatKey, parsed.Format);
            Add(data, "timeText", parsed.TimeText);
            if (pluto is PlutoPrefix context)
            {
                AddPluto(data, context, repeated);
            }

            var record = new EventRecord
            {
                InputIndex = input.Index,
                RecordId = lineNumber,
                Provider = repeated.Share(parsed.Daemon),
                Channel = group,
                Computer = repeated.Share(parsed.Host),
                Level = repeated.Share(parsed.Level),
                Time = time,
                Message = parsed.Message,
                Data = data,
                SourceLine = lineNumber,
            };
            result.Records.Add(record);

            if (parsed.IkeSaId is string sa)
            {
                if (!recordsBySa.TryGetValue(sa, out List<EventRecord>? list))
                {
                    recordsBySa[sa] = list = [];
                }

                list.Add(record);
            }

            if (parsed.Thread is string thread)
            {
                TrackSpis(parsed, thread, pendingRule, spis);
            }
        }

        foreach ((string sa, (ulong initiator, ulong responder)) in spis)
        {
            if (!recordsBySa.TryGetValue(sa, out List<EventRecord>? list))
            {
                continue;
            }

            foreach (EventRecord record in list)
            {
                record.Data.Add(new(InitiatorSpiKey, initiator.ToString("x16", CultureInfo.InvariantCulture)));
                if (responder != 0)
                {
                    record.Data.Add(new(ResponderSpiKey, responder.ToString("x16", CultureInfo.InvariantCulture)));
                }
            }
        }

        result.DateFromFileTime = clock.DateFromFileTime;
        result.YearFromFileTime = clock.YearFromFileTime;
        foreach (string note in clock.Notes())
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, null, note, DiagnosticSeverity.Info));
        }

        if (monotonic > 0)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, null, string.Create(CultureInfo.InvariantCulture,
                $"{monotonic} lines carry seconds since boot (journalctl -o short-monotonic), not a wall clock: they keep their order but no time; export again with journalctl -o short-iso")));
        }

        if (untimed > 0)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{untimed} lines have no time (foreground output or a time format not understood): they are tied to captures by endpoints only"),
                DiagnosticSeverity.Info));
        }

        if (others.Count > 0)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{others.Values.Sum()} lines of other programs skipped ({string.Join(", ", others.OrderByDescending(p => p.Value).Take(5).Select(p => $"{p.Key} {p.Value}"))})"),
                DiagnosticSeverity.Info));
        }
    }

    /// <summary>pluto's context: connection instance, peer, state serial and name, whack response code.</summary>
    private static void AddPluto(List<KeyValuePair<string, string>> data, PlutoPrefix context, RepeatedStrings repeated)
    {
        Add(data, "instance", repeated.Share(context.Instance));
        Add(data, "peer", repeated.Share(context.Peer));
        Add(data, "peerPort", repeated.Share(context.PeerPort));
        Add(data, "serial", repeated.Share(context.Serial));
        Add(data, "state", repeated.Share(context.State));
        Add(data, "whackCode", context.WhackCode);
    }

    /// <summary>journalctl's own lines: "-- Logs begin at ... --", "-- Boot 3f2a... --", "-- No entries --".</summary>
    private static bool IsJournalBanner(string line) =>
        line.StartsWith("-- ", StringComparison.Ordinal) && line.EndsWith(" --", StringComparison.Ordinal);

    private static void TrackSpis(DaemonLine parsed, string thread, Dictionary<string, int> pendingRule, Dictionary<string, (ulong, ulong)> spis)
    {
        Match manager = ManagerSpis().Match(parsed.Message);
        if (manager.Success && parsed.IkeSaId is string managed)
        {
            ulong i = ulong.Parse(manager.Groups["i"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            ulong r = ulong.Parse(manager.Groups["r"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            spis.TryGetValue(managed, out (ulong Initiator, ulong Responder) seen);
            spis[managed] = (seen.Initiator == 0 ? i : seen.Initiator, seen.Responder == 0 ? r : seen.Responder);
            return;
        }

        Match rule = SpiRule().Match(parsed.Message);
        if (rule.Success)
        {
            pendingRule[thread] = rule.Groups["rule"].Value[0] - '0';
            return;
        }

        if (!pendingRule.TryGetValue(thread, out int which))
        {
            return;
        }

        Match dump = HexDumpFirstLine().Match(parsed.Message);
        if (!dump.Success)
        {
            return; // the "=> 8 bytes @ ..." line comes between rule and dump
        }

        pendingRule.Remove(thread);
        if (parsed.IkeSaId is not string sa)
        {
            return; // thread-level parsing before the SA is known: the SA's own lines repeat it
        }

        Span<byte> bytes = stackalloc byte[8];
        Convert.FromHexString(dump.Groups["hex"].Value.Replace(" ", string.Empty, StringComparison.Ordinal), bytes, out _, out _);
        ulong value = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        spis.TryGetValue(sa, out (ulong Initiator, ulong Responder) known);
        if (which == 0 && known.Initiator == 0)
        {
            known.Initiator = value;
        }
        else if (which == 1 && known.Responder == 0 && value != 0)
        {
            known.Responder = value;
        }

        spis[sa] = known;
    }

    private static void Add(List<KeyValuePair<string, string>> data, string key, string? value)
    {
        if (value is not null)
        {
            data.Add(new(key, value));
        }
    }
}
