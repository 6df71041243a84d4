using System.Globalization;

namespace Analyzer.Reporting.Html;

/// <summary>Reads the report's ISO 8601 UTC times back to seconds, keeping nanosecond digits DateTime cannot parse.</summary>
internal static class IsoTime
{
    public static bool TryParseSeconds(string? iso, out double seconds)
    {
        seconds = 0;
        if (string.IsNullOrEmpty(iso) || iso.Length < 20 || !iso.EndsWith('Z'))
        {
            return false;
        }

        if (!DateTime.TryParseExact(iso[..19], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime whole))
        {
            return false;
        }

        seconds = (whole - DateTime.UnixEpoch).TotalSeconds;
        string fraction = iso[19..^1];
        if (fraction.StartsWith('.') && fraction.Length > 1
            && double.TryParse("0" + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double part))
        {
            seconds += part;
        }

        return true;
    }

    public static double SecondsOrZero(string? iso) => TryParseSeconds(iso, out double seconds) ? seconds : 0;
}
