using Analyzer.Core;

namespace Analyzer.EventLogs;

/// <summary>
/// What completes a daemon log's times when its lines leave parts out: syslog gives no year,
/// charon's <c>%H:%M:%S</c> no date, most formats no zone. Year and date come from
/// <see cref="Year"/> (<c>--year</c>), else the capture (<see cref="CaptureStart"/>), else the file's
/// modification time; a zone-less time is read in <see cref="Zone"/> (<c>--log-tz</c>), else as UTC,
/// and the clock offset estimated against the captures absorbs the difference.
/// </summary>
public sealed record LogTimeHints
{
    public static LogTimeHints None { get; } = new();

    /// <summary>Year given on the command line.</summary>
    public int? Year { get; init; }

    /// <summary>The first frame time of the captures read with the log.</summary>
    public Timestamp? CaptureStart { get; init; }

    /// <summary>
    /// The first full time (with its date and year) of the other logs read with this one, when no
    /// capture gives one: a time-of-day log of the same bundle belongs to the same days, whatever
    /// the file's modification time says (a copied or freshly checked-out file carries today's).
    /// </summary>
    public Timestamp? LogStart { get; init; }

    /// <summary>The zone zone-less log times are in (offset from UTC), given on the command line.</summary>
    public TimeSpan? Zone { get; init; }

    /// <summary>Parses <c>--log-tz</c>: <c>UTC</c>, <c>+01:00</c>, <c>-0530</c>, <c>+2</c>, or an IANA/Windows zone id (its offset at <paramref name="at"/>).</summary>
    public static bool TryParseZone(string text, DateTime at, out TimeSpan offset)
    {
        ArgumentNullException.ThrowIfNull(text);
        offset = TimeSpan.Zero;
        string trimmed = text.Trim();
        if (trimmed.Equals("UTC", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("Z", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string numeric = trimmed.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) ? trimmed[3..] : trimmed;
        if (numeric.Length >= 2 && (numeric[0] == '+' || numeric[0] == '-'))
        {
            int sign = numeric[0] == '-' ? -1 : 1;
            string body = numeric[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            if (body.Length is 1 or 2 or 4 && body.All(char.IsAsciiDigit))
            {
                int hours = int.Parse(body.Length == 4 ? body[..2] : body, System.Globalization.CultureInfo.InvariantCulture);
                int minutes = body.Length == 4 ? int.Parse(body[2..], System.Globalization.CultureInfo.InvariantCulture) : 0;
                if (hours <= 14 && minutes < 60)
                {
                    offset = TimeSpan.FromMinutes(sign * ((hours * 60) + minutes));
                    return true;
                }
            }

            return false;
        }

        try
        {
            offset = TimeZoneInfo.FindSystemTimeZoneById(trimmed).GetUtcOffset(at);
            return true;
        }
        catch (Exception error) when (error is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }
}
