using System.Globalization;
using Analyzer.Core;

namespace Analyzer.EventLogs.Xml;

/// <summary>ISO 8601 times as event exports and syslog write them, kept to the digits they have.</summary>
internal static class IsoTimestamp
{
    /// <summary>Parses <c>2020-07-10T17:20:06.687103300Z</c> keeping every fractional digit the text has (up to 9).</summary>
    public static bool TryParse(string text, out Timestamp time)
    {
        time = default;
        ReadOnlySpan<char> span = text.AsSpan().Trim();
        if (span.Length < 19)
        {
            return false;
        }

        if (!DateTime.TryParseExact(span[..19], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime whole))
        {
            return false;
        }

        long nanos = 0;
        int digits = 0;
        int index = 19;
        if (index < span.Length && span[index] == '.')
        {
            index++;
            while (index < span.Length && char.IsAsciiDigit(span[index]))
            {
                if (digits < 9)
                {
                    nanos = (nanos * 10) + (span[index] - '0');
                    digits++;
                }

                index++;
            }

            for (int pad = digits; pad < 9; pad++)
            {
                nanos *= 10;
            }
        }

        long offsetSeconds = 0;
        if (index < span.Length && (span[index] == '+' || span[index] == '-') && span.Length >= index + 6)
        {
            int sign = span[index] == '-' ? -1 : 1;
            if (int.TryParse(span.Slice(index + 1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int hours)
                && int.TryParse(span.Slice(index + 4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int minutes))
            {
                offsetSeconds = sign * ((hours * 3600L) + (minutes * 60L));
            }
        }

        long unixSeconds = (long)(whole - DateTime.UnixEpoch).TotalSeconds - offsetSeconds;
        time = Timestamp.FromUnix(unixSeconds, nanos, (byte)digits);
        return true;
    }
}
