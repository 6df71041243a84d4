namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// A log line's time as far as the line tells it: syslog's <c>Nov 24 10:33:32</c> has no year,
/// charon's <c>time_format = %H:%M:%S</c> no date, most lines no zone. <see cref="LogClock"/>
/// completes the missing parts from the capture, the file or the command line. Zero means "not given"
/// for <see cref="Year"/> and <see cref="Month"/>.
/// </summary>
internal readonly record struct PartialTime(int Year, int Month, int Day, int Hour, int Minute, int Second, long Nanoseconds, byte FractionDigits)
{
    /// <summary>Offset from UTC in minutes when the line carries a zone (<c>Z</c>, <c>+01:00</c>, <c>+0100</c>).</summary>
    public int? ZoneMinutes { get; init; }

    /// <summary>An absolute time (journal <c>__REALTIME_TIMESTAMP</c>, <c>short-unix</c>) in nanoseconds since the epoch.</summary>
    public long? UnixNanoseconds { get; init; }

    public bool HasDate => Month != 0 || UnixNanoseconds is not null;

    public bool HasYear => Year != 0 || UnixNanoseconds is not null;

    public bool HasZone => ZoneMinutes is not null || UnixNanoseconds is not null;
}
