using System.Globalization;
using Analyzer.Core;

namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// Completes one log file's partial times (<see cref="PartialTime"/>) line by line and remembers
/// where the missing parts came from, so the report can say so. A log spanning New Year (times jump
/// back by months) moves to the next year; a time-of-day log spanning midnight (times jump back by
/// hours) to the next day.
/// </summary>
internal sealed class LogClock
{
    private const long NanosPerSecond = 1_000_000_000;
    private readonly TimeSpan? _zone;
    private int _year;
    private DateOnly _date;
    private Timestamp? _previous;

    public LogClock(LogTimeHints hints, DateTime? fileTime)
    {
        ArgumentNullException.ThrowIfNull(hints);
        _zone = hints.Zone;
        DateTime reference = hints.CaptureStart?.ToDateTime() ?? hints.LogStart?.ToDateTime() ?? fileTime ?? DateTime.UtcNow;
        _year = hints.Year ?? reference.Year;
        string source = hints.CaptureStart is not null ? "the capture" : hints.LogStart is not null ? "the other logs" : fileTime is not null ? FileTimeSource : "today";
        YearSource = hints.Year is not null ? "--year" : source;
        _date = new DateOnly(_year, reference.Month, Math.Min(reference.Day, DateTime.DaysInMonth(_year, reference.Month)));
        DateSource = source;
    }

    private const string FileTimeSource = "the file's modification time";

    public string YearSource { get; }

    /// <summary>Lines with a time of day only that took their date from the file's modification time.</summary>
    public int DateFromFileTime => DateSource == FileTimeSource ? Dateless : 0;

    /// <summary>Lines with no year that took it from the file's modification time.</summary>
    public int YearFromFileTime => YearSource == FileTimeSource ? Yearless : 0;

    public string DateSource { get; }

    /// <summary>Lines whose time had no year (but a date).</summary>
    public int Yearless { get; private set; }

    /// <summary>Lines whose time had no date.</summary>
    public int Dateless { get; private set; }

    /// <summary>Lines whose time had no zone.</summary>
    public int Zoneless { get; private set; }

    /// <summary>Lines whose time carried a zone (or was absolute).</summary>
    public int Zoned { get; private set; }

    public bool ZoneFromHint => _zone is not null;

    public Timestamp? Complete(PartialTime time)
    {
        Timestamp? result = Compose(time);
        if (result is Timestamp value)
        {
            _previous = value;
        }

        return result;
    }

    private Timestamp? Compose(PartialTime time)
    {
        if (time.UnixNanoseconds is long unix)
        {
            Zoned++;
            return new Timestamp(unix, time.FractionDigits);
        }

        if (time.HasZone)
        {
            Zoned++;
        }
        else
        {
            Zoneless++;
        }

        if (!time.HasDate)
        {
            Dateless++;
            Timestamp? candidate = At(_date.Year, _date.Month, _date.Day, time);
            if (candidate is Timestamp c && _previous is Timestamp p && p.SecondsSince(c) > 12 * 3600)
            {
                _date = _date.AddDays(1);
                candidate = At(_date.Year, _date.Month, _date.Day, time);
            }

            return candidate;
        }

        if (time.HasYear)
        {
            return At(time.Year, time.Month, time.Day, time);
        }

        Yearless++;
        Timestamp? dated = At(_year, time.Month, time.Day, time);
        if (dated is Timestamp d && _previous is Timestamp before && before.SecondsSince(d) > 180 * 86400.0)
        {
            _year++;
            dated = At(_year, time.Month, time.Day, time);
        }

        return dated;
    }

    private Timestamp? At(int year, int month, int day, PartialTime time)
    {
        if (year is < 1 or > 9999 || day > DateTime.DaysInMonth(year, month))
        {
            return null; // "Feb 29" in a year without one: no time rather than a wrong one
        }

        var whole = new DateTime(year, month, day, time.Hour, time.Minute, Math.Min(time.Second, 59), DateTimeKind.Utc);
        long seconds = (long)(whole - DateTime.UnixEpoch).TotalSeconds;
        long zoneSeconds = time.ZoneMinutes is int minutes ? minutes * 60L : (long)(_zone?.TotalSeconds ?? 0);
        return new Timestamp(((seconds - zoneSeconds) * NanosPerSecond) + time.Nanoseconds, time.FractionDigits);
    }

    /// <summary>What the report says about this file's times (null when every line carried a full, zoned time).</summary>
    public IEnumerable<string> Notes()
    {
        if (Yearless > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{Yearless} lines have no year in their time: year {_year} from {YearSource}");
        }

        if (Dateless > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{Dateless} lines have only a time of day: the date from {DateSource}");
        }

        if (Zoneless > 0)
        {
            yield return _zone is TimeSpan zone
                ? string.Create(CultureInfo.InvariantCulture, $"{Zoneless} lines have no time zone: read as UTC{(zone < TimeSpan.Zero ? "-" : "+")}{zone.Duration():hh\\:mm} (--log-tz)")
                : string.Create(CultureInfo.InvariantCulture, $"{Zoneless} lines have no time zone and no --log-tz was given: read as UTC; the clock offset estimated against the captures absorbs the zone");
        }
    }
}
