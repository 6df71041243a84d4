using System.Globalization;
using Analyzer.Core;

namespace Analyzer.EventLogs.Csv;

/// <summary>
/// Reads CSV exports of Windows logs with CsvHelper. These exports carry no event data, only the
/// rendered message, so the message's "Label: value" lines are kept as data under
/// "Section/Label" keys (the maps list those labels as a fallback). Times are the exporting
/// machine's local time without a zone: they are read as UTC and the correlator's clock offset
/// absorbs the zone.
/// </summary>
internal static class EventCsvReader
{
    private static readonly string[] TimeFormats =
    [
        "dd.MM.yyyy HH:mm:ss", "d.M.yyyy HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>
    /// True for the start of an event CSV export (used by format sniffing): a header the column table
    /// knows, or Event Viewer's shape in a language it does not (the reader then says so).
    /// </summary>
    public static bool LooksLikeExport(ReadOnlySpan<char> firstLine, ReadOnlySpan<char> secondLine)
    {
        if (firstLine.StartsWith("#TYPE System.Diagnostics.Eventing", StringComparison.Ordinal))
        {
            return true;
        }

        string[] header = SplitSimple(firstLine);
        return EventCsvColumns.Recognised(header) || EventCsvColumns.EventViewerShaped(header, secondLine.IsEmpty ? null : SplitSimple(secondLine));
    }

    // Enough for sniffing: the header and the fields before the message hold no quoted commas.
    private static string[] SplitSimple(ReadOnlySpan<char> line)
    {
        string[] cells = line.ToString().Split(',');
        for (int i = 0; i < cells.Length; i++)
        {
            cells[i] = cells[i].Trim().Trim('"');
        }

        return cells;
    }

    public static void Read(AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct)
    {
        using var stream = LineLengthGuard.OpenFile(input.Path, limits);
        Read(stream, input, limits, result, ct);
        stream.Report(input, result.Diagnostics);
    }

    private static void Read(TextReader stream, AnalysisInput input, AnalysisLimits limits, EventLogReadResult result, CancellationToken ct)
    {
        string[]? header = null;
        var times = new List<(EventRecord Record, string Text, int Line, long Ordinal)>();
        var strings = new StringLimit(input, limits);
        long ordinal = 0;
        foreach ((string[] row, long line) in CsvRows.Read(stream, cut => result.Diagnostics.Add(CsvRows.CutWarning(input, cut))))
        {
            ct.ThrowIfCancellationRequested();
            if (row.Length == 0 || (row.Length == 1 && string.IsNullOrWhiteSpace(row[0])))
            {
                continue;
            }

            if (header is null)
            {
                if (row[0].StartsWith("#TYPE", StringComparison.Ordinal))
                {
                    continue;
                }

                header = row;
                if (!EventCsvColumns.Recognised(header))
                {
                    throw new EventLogReadException(input.DisplayName, 0, string.Create(CultureInfo.InvariantCulture,
                        $"CSV header not recognised: '{Shorten(string.Join(",", header))}' (vpndiag knows Event Viewer's headers in {EventCsvColumns.Languages} and PowerShell's Export-Csv property names); export the log as .evtx or XML instead"));
                }

                continue;
            }

            ordinal++;
            if (result.Records.Count >= limits.MaxEventRecords)
            {
                result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, ordinal,
                    string.Create(CultureInfo.InvariantCulture, $"more than {limits.MaxEventRecords} event records; the rest were not read")));
                break;
            }

            EventRecord? record = ToRecord(header, row, input, ordinal, (int)line, result, strings, out string? timeText);
            if (record is not null)
            {
                result.Records.Add(record);
                if (timeText is not null)
                {
                    times.Add((record, timeText, (int)line, ordinal));
                }
            }
        }

        if (header is null)
        {
            throw new EventLogReadException(input.DisplayName, 0, "CSV file has no header line");
        }

        SetTimes(times, input, result);
        NoteCodesOnlyInBinaryData(input, result);
    }

    /// <summary>
    /// An Event Viewer or Export-Csv export keeps the message, not the event's binary data. Events whose
    /// map reads the error code from that binary data alone (RemoteAccess 20271: a little-endian DWORD,
    /// 691 or 812) arrive without it; said once per file, so the report does not read as if there were no code.
    /// </summary>
    private static void NoteCodesOnlyInBinaryData(AnalysisInput input, EventLogReadResult result)
    {
        int count = 0;
        EventRecord? first = null;
        foreach (EventRecord record in result.Records)
        {
            if (Normalization.EventMapCatalog.DefaultWindows.Find(record.Provider, record.EventId)?.Code is { } code
                && code.From.Count > 0 && code.From.TrueForAll(static from => from == "Binary"))
            {
                count++;
                first ??= record;
            }
        }

        if (first is not null)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, first.RecordId, string.Create(CultureInfo.InvariantCulture,
                $"{count} {first.Provider} {first.EventId} event(s), first at record {first.RecordId}: the error code is kept only in the event's binary data, which a CSV export drops; code not in this export: read the .evtx (or an XML export) for it"),
                DiagnosticSeverity.Warning));
        }
    }

    /// <summary>Times once the whole file is read: the order of day and month is one per file (<see cref="SlashDateOrder"/>).</summary>
    private static void SetTimes(List<(EventRecord Record, string Text, int Line, long Ordinal)> times, AnalysisInput input, EventLogReadResult result)
    {
        SlashDateOrder order = SlashDateOrder.Decide(times.Select(t => t.Text));
        if (order.Guessed)
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, null, string.Create(CultureInfo.InvariantCulture,
                $"CSV dates such as '{order.Example}' do not say which number is the day and which the month; read as {(order.DayFirst ? "day/month (24-hour times, as en-GB and most locales other than en-US write them)" : "month/day (12-hour times, as en-US writes them)")}"),
                DiagnosticSeverity.Warning));
        }

        bool noted = false;
        foreach ((EventRecord record, string text, int line, long ordinal) in times)
        {
            if (DateTime.TryParseExact(text.Trim(), order.Formats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTime parsed)
                || DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out parsed))
            {
                record.Time = Timestamp.FromDateTime(parsed, 0);
                if (!noted)
                {
                    noted = true;
                    result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, ordinal, string.Create(CultureInfo.InvariantCulture,
                        $"CSV export times are local time without a zone (first on CSV line {line}); read as UTC (the clock offset against the capture absorbs the zone)"),
                        DiagnosticSeverity.Info));
                }
            }
            else
            {
                result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, ordinal,
                    string.Create(CultureInfo.InvariantCulture, $"CSV line {line}: time '{text}' not understood")));
            }
        }
    }

    private static EventRecord? ToRecord(string[] header, string[] row, AnalysisInput input, long ordinal, int line, EventLogReadResult result,
        StringLimit strings, out string? timeText)
    {
        timeText = null;
        string? Cell(string[] names)
        {
            int index = EventCsvColumns.Find(header, names);
            return index >= 0 && index < row.Length ? strings.Cut(row[index], null, ordinal, result.Diagnostics, Where(line)) : null;
        }

        string? idText = Cell(EventCsvColumns.EventId);
        if (!int.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int eventId))
        {
            result.Diagnostics.Add(new InputDiagnostic(input.DisplayName, null, ordinal,
                string.Create(CultureInfo.InvariantCulture, $"CSV line {line}: event id '{idText}' is not a number; row skipped")));
            return null;
        }

        int messageIndex = EventCsvColumns.Find(header, EventCsvColumns.Message);
        // Event Viewer writes the message as an extra field after the last named column.
        string? message = messageIndex >= 0 && messageIndex < row.Length ? row[messageIndex]
            : row.Length > header.Length ? row[header.Length] : null;
        message = message is null ? null : strings.Cut(message, null, ordinal, result.Diagnostics, Where(line));

        timeText = Cell(EventCsvColumns.Time);
        long recordId = long.TryParse(Cell(EventCsvColumns.RecordId), NumberStyles.Integer, CultureInfo.InvariantCulture, out long id) ? id : ordinal;
        return new EventRecord
        {
            InputIndex = input.Index,
            RecordId = recordId,
            EventId = eventId,
            Provider = Cell(EventCsvColumns.Provider),
            Channel = Cell(EventCsvColumns.Channel),
            Computer = Cell(EventCsvColumns.Computer),
            Level = Cell(EventCsvColumns.Level),
            Message = message,
            Data = message is null ? [] : MessageLabels.Parse(message),
            SourceLine = line,
        };
    }

    // One line whatever the header holds (a quoted name may span lines).
    private static string Shorten(string text)
    {
        string line = string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
        return line.Length <= 200 ? line : line[..200] + "…";
    }

    private static string Where(int line) => string.Create(CultureInfo.InvariantCulture, $" on CSV line {line}");
}
