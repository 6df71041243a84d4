using System.Globalization;

namespace Analyzer.EventLogs.Csv;

/// <summary>
/// Which of "a/b/yyyy" is the day. Event Viewer's CSV export writes the exporting user's short date
/// under the same English header whether that is en-US (<c>M/d/yyyy h:mm:ss AM</c>) or en-GB
/// (<c>dd/MM/yyyy HH:mm:ss</c>), so the order is a property of the file: decided once from all its
/// dates (a number above 12 can only be the day), never row by row.
/// </summary>
internal readonly record struct SlashDateOrder(bool DayFirst, bool Guessed, string? Example)
{
    private static readonly string[] MonthFirstFormats = ["M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm:ss.fff tt", "M/d/yyyy H:mm:ss.fff"];
    private static readonly string[] DayFirstFormats = ["d/M/yyyy H:mm:ss", "d/M/yyyy h:mm:ss tt", "d/M/yyyy H:mm:ss.fff", "d/M/yyyy h:mm:ss.fff tt"];

    public string[] Formats => DayFirst ? DayFirstFormats : MonthFirstFormats;

    public static SlashDateOrder Decide(IEnumerable<string?> times)
    {
        bool dayFirst = false, monthFirst = false, designator = false;
        string? example = null;
        foreach (string? time in times)
        {
            if (!TrySplit(time, out int first, out int second))
            {
                continue;
            }

            example ??= time!.Trim();
            dayFirst |= first > 12;
            monthFirst |= second > 12;
            designator |= time!.Contains("AM", StringComparison.OrdinalIgnoreCase) || time.Contains("PM", StringComparison.OrdinalIgnoreCase);
        }

        if (dayFirst != monthFirst)
        {
            return new SlashDateOrder(dayFirst, false, example);
        }

        // Nothing above 12 (or both, a file of mixed exports): the clock style is the best hint left.
        // A 12-hour clock is en-US's (month first); slash dates with a 24-hour clock are en-GB's and
        // most other locales' (day first).
        return new SlashDateOrder(!designator, example is not null && !dayFirst, example);
    }

    private static bool TrySplit(string? time, out int first, out int second)
    {
        first = second = 0;
        if (time is null)
        {
            return false;
        }

        ReadOnlySpan<char> text = time.AsSpan().Trim();
        int slash = text.IndexOf('/');
        if (slash is < 1 or > 2)
        {
            return false;
        }

        ReadOnlySpan<char> rest = text[(slash + 1)..];
        int slash2 = rest.IndexOf('/');
        return slash2 is >= 1 and <= 2
            && int.TryParse(text[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            && int.TryParse(rest[..slash2], NumberStyles.None, CultureInfo.InvariantCulture, out second);
    }
}
