namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// Reads the time at the start of a daemon log line, in every shape the daemons and their log
/// collectors write: syslog and <c>journalctl -o short/short-precise</c> (<c>Nov 24 10:33:32[.123456]</c>,
/// optionally after a weekday and before a year, as charon's <c>time_format = %c</c>), ISO 8601 from
/// rsyslog, <c>short-iso</c> and RFC 5424 (<c>2026-11-24T10:33:32.123+01:00</c>, <c>+0100</c>, <c>Z</c>,
/// or a space instead of T), a bare time of day (charon <c>%H:%M:%S</c>/<c>%T</c>, with charon's
/// <c>.ms</c>/<c>.us</c> precision), and seconds since the epoch (<c>short-unix</c>). A line whose
/// start is none of these has no time: the caller decides what it is.
/// </summary>
internal static class LineTimeReader
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>Reads a time at the start of <paramref name="text"/>; <paramref name="consumed"/> includes the space after it.</summary>
    public static bool TryRead(ReadOnlySpan<char> text, out PartialTime time, out int consumed)
    {
        time = default;
        consumed = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        int index = 0;
        bool read;
        if (char.IsAsciiDigit(text[0]))
        {
            read = TryIso(text, ref index, out time) || TryNumericDate(text, ref index, out time)
                || TryTimeOfDay(text, 0, ref index, out time) || TryUnix(text, 0, ref index, out time);
        }
        else
        {
            read = TrySyslog(text, ref index, out time) || TryWeekdayIso(text, ref index, out time);
        }

        if (!read)
        {
            return false;
        }

        // Libreswan's own log ends its time with a colon ("Nov 24 11:47:41.123456: ...").
        if (index + 1 < text.Length && text[index] == ':' && text[index + 1] == ' ')
        {
            consumed = index + 2;
            return true;
        }

        // The time must end the token: "10:33:32 05[NET]", not "10:33:32abc".
        if (index < text.Length && text[index] != ' ')
        {
            return false;
        }

        // strftime's %z after the time ("Nov 24 10:33:32 +0100").
        if (!time.HasZone && index + 6 <= text.Length && text[index] == ' ' && (text[index + 1] == '+' || text[index + 1] == '-')
            && TryZone(text, index + 1, out int zone, out int zoneEnd) && (zoneEnd == text.Length || text[zoneEnd] == ' '))
        {
            time = time with { ZoneMinutes = zone };
            index = zoneEnd;
        }

        consumed = index < text.Length ? index + 1 : index;
        return true;
    }

    private static bool TryIso(ReadOnlySpan<char> text, ref int index, out PartialTime time)
    {
        time = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ')
            || !Digits(text, 0, 4, out int year) || !Digits(text, 5, 2, out int month) || !Digits(text, 8, 2, out int day))
        {
            return false;
        }

        int position = 11;
        if (!TryTimeOfDay(text, position, ref position, out PartialTime clock) || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        time = clock with { Year = year, Month = month, Day = day };
        if (position < text.Length && (text[position] == 'Z' || text[position] == 'z'))
        {
            time = time with { ZoneMinutes = 0 };
            position++;
        }
        else if (position < text.Length && (text[position] == '+' || text[position] == '-') && TryZone(text, position, out int zone, out int end))
        {
            time = time with { ZoneMinutes = zone };
            position = end;
        }

        index = position;
        return true;
    }

    /// <summary>
    /// charon's <c>time_format</c> is any strftime string: the numeric dates whose order is not in
    /// doubt, <c>%d.%m.%Y %T</c> (dotted dates are day first wherever they are written) and
    /// <c>%Y/%m/%d %T</c>. A slashed date with the year last is left alone: its day and month can be either way round.
    /// </summary>
    private static bool TryNumericDate(ReadOnlySpan<char> text, ref int index, out PartialTime time)
    {
        time = default;
        int position = 11;
        if (text.Length < 19 || text[10] != ' ' || !TryDayMonthYear(text, out int year, out int month, out int day)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || !TryTimeOfDay(text, position, ref position, out PartialTime clock))
        {
            return false;
        }

        time = clock with { Year = year, Month = month, Day = day };
        index = position;
        return true;
    }

    private static bool TryDayMonthYear(ReadOnlySpan<char> text, out int year, out int month, out int day)
    {
        if (text[2] == '.' && text[5] == '.')
        {
            year = month = 0;
            return Digits(text, 0, 2, out day) && Digits(text, 3, 2, out month) && Digits(text, 6, 4, out year);
        }

        day = 0;
        month = 0;
        year = 0;
        return text[4] == '/' && text[7] == '/' && Digits(text, 0, 4, out year) && Digits(text, 5, 2, out month) && Digits(text, 8, 2, out day);
    }

    /// <summary><c>HH:MM:SS</c> with an optional fraction after '.' or ','.</summary>
    private static bool TryTimeOfDay(ReadOnlySpan<char> text, int start, ref int index, out PartialTime time)
    {
        time = default;
        if (text.Length < start + 8 || text[start + 2] != ':' || text[start + 5] != ':'
            || !Digits(text, start, 2, out int hour) || !Digits(text, start + 3, 2, out int minute) || !Digits(text, start + 6, 2, out int second)
            || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        int position = start + 8;
        long nanos = 0;
        byte digits = 0;
        if (position + 1 < text.Length && (text[position] == '.' || text[position] == ',') && char.IsAsciiDigit(text[position + 1]))
        {
            position++;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                if (digits < 9)
                {
                    nanos = (nanos * 10) + (text[position] - '0');
                    digits++;
                }

                position++;
            }

            for (int pad = digits; pad < 9; pad++)
            {
                nanos *= 10;
            }
        }

        time = new PartialTime(0, 0, 0, hour, minute, second, nanos, digits);
        index = position;
        return true;
    }

    /// <summary><c>journalctl -o short-unix</c>: seconds since the epoch with microseconds.</summary>
    private static bool TryUnix(ReadOnlySpan<char> text, int start, ref int index, out PartialTime time)
    {
        time = default;
        int position = start;
        long seconds = 0;
        while (position < text.Length && char.IsAsciiDigit(text[position]) && position - start < 11)
        {
            seconds = (seconds * 10) + (text[position] - '0');
            position++;
        }

        if (position - start < 9 || position >= text.Length || text[position] != '.')
        {
            return false;
        }

        position++;
        int fractionStart = position;
        long nanos = 0;
        while (position < text.Length && char.IsAsciiDigit(text[position]) && position - fractionStart < 9)
        {
            nanos = (nanos * 10) + (text[position] - '0');
            position++;
        }

        int digits = position - fractionStart;
        if (digits == 0)
        {
            return false;
        }

        for (int pad = digits; pad < 9; pad++)
        {
            nanos *= 10;
        }

        time = new PartialTime(0, 0, 0, 0, 0, 0, 0, (byte)digits) { UnixNanoseconds = (seconds * 1_000_000_000) + nanos };
        index = position;
        return true;
    }

    /// <summary>
    /// <c>journalctl -o short-full</c>: <c>Tue 2026-11-24 10:33:32 CET</c>, the weekday, an ISO date and
    /// the local zone's abbreviation (systemd's pretty timestamp style). UTC and GMT name an offset;
    /// other abbreviations (CET, EST, IST…) do not name one unambiguously, so the line reads as zoneless
    /// and <c>--log-tz</c> or the clock offset against a capture places it.
    /// </summary>
    private static bool TryWeekdayIso(ReadOnlySpan<char> text, ref int index, out PartialTime time)
    {
        time = default;
        if (text.Length < 4 + 19 || text[3] != ' ' || IndexOf(Weekdays, text[..3]) < 0)
        {
            return false;
        }

        int position = 0;
        if (!TryIso(text[4..], ref position, out time))
        {
            return false;
        }

        position += 4;
        int abbreviation = position + 1;
        int end = abbreviation;
        while (end < text.Length && end - abbreviation < 6 && char.IsAsciiLetterUpper(text[end]))
        {
            end++;
        }

        if (position < text.Length && text[position] == ' ' && end - abbreviation >= 2 && (end == text.Length || text[end] == ' '))
        {
            if (!time.HasZone && text[abbreviation..end] is "UTC" or "GMT")
            {
                time = time with { ZoneMinutes = 0 };
            }

            position = end;
        }

        index = position;
        return true;
    }

    /// <summary><c>[Tue ]Nov 24 10:33:32[.frac][ 2026]</c>: day space-padded (<c>%e</c>) or not.</summary>
    private static bool TrySyslog(ReadOnlySpan<char> text, ref int index, out PartialTime time)
    {
        time = default;
        int position = 0;
        if (text.Length > 4 && text[3] == ' ' && IndexOf(Weekdays, text[..3]) >= 0)
        {
            position = 4;
        }

        if (text.Length < position + 15 || text[position + 3] != ' ')
        {
            return false;
        }

        int month = IndexOf(Months, text.Slice(position, 3)) + 1;
        if (month == 0)
        {
            return false;
        }

        position += 4;
        if (text[position] == ' ')
        {
            position++;
        }

        int dayStart = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]) && position - dayStart < 2)
        {
            position++;
        }

        if (position == dayStart || position >= text.Length || text[position] != ' ' || !Digits(text, dayStart, position - dayStart, out int day) || day is < 1 or > 31)
        {
            return false;
        }

        position++;
        if (!TryTimeOfDay(text, position, ref position, out PartialTime clock))
        {
            return false;
        }

        time = clock with { Month = month, Day = day };
        if (position + 5 <= text.Length && text[position] == ' ' && Digits(text, position + 1, 4, out int year)
            && (position + 5 == text.Length || text[position + 5] == ' ') && year is > 1970 and < 2200 && day <= DateTime.DaysInMonth(year, month))
        {
            time = time with { Year = year };
            position += 5;
        }

        index = position;
        return true;
    }

    /// <summary><c>+01:00</c>, <c>+0100</c> or <c>+01</c> at <paramref name="start"/>.</summary>
    private static bool TryZone(ReadOnlySpan<char> text, int start, out int minutes, out int end)
    {
        minutes = 0;
        end = start;
        int sign = text[start] == '-' ? -1 : 1;
        if (!Digits(text, start + 1, 2, out int hours) || hours > 14)
        {
            return false;
        }

        int position = start + 3;
        int mins = 0;
        if (position < text.Length && text[position] == ':')
        {
            if (!Digits(text, position + 1, 2, out mins))
            {
                return false;
            }

            position += 3;
        }
        else if (Digits(text, position, 2, out int compact))
        {
            mins = compact;
            position += 2;
        }

        if (mins > 59)
        {
            return false;
        }

        minutes = sign * ((hours * 60) + mins);
        end = position;
        return true;
    }

    private static int IndexOf(string[] names, ReadOnlySpan<char> name)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || start + count > text.Length)
        {
            return false;
        }

        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
