using System.Globalization;

namespace Analyzer.Core;

/// <summary>
/// A capture or log time, exact to its source's resolution: nanoseconds since the Unix epoch plus
/// how many fractional digits the source really has (6 for classic pcap, 9 for nanosecond pcap, 7
/// for FILETIME). DateTime would round nanosecond captures; frames must line up with tshark's.
/// </summary>
public readonly record struct Timestamp(long UnixNanoseconds, byte FractionDigits = 9) : IComparable<Timestamp>
{
    private const long NanosecondsPerTick = 100;
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary><c>yyyy-MM-ddTHH:mm:ss.fffffffffZ</c>.</summary>
    private const int MaxIso8601Length = 30;

    public static Timestamp FromDateTime(DateTime utc, byte fractionDigits = 7) =>
        new((utc.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks) * NanosecondsPerTick, fractionDigits);

    public static Timestamp FromUnix(long seconds, long fractionNanoseconds, byte fractionDigits) =>
        new((seconds * NanosecondsPerSecond) + fractionNanoseconds, fractionDigits);

    public DateTime ToDateTime() =>
        new(DateTime.UnixEpoch.Ticks + (UnixNanoseconds / NanosecondsPerTick), DateTimeKind.Utc);

    public double ToUnixSeconds() => UnixNanoseconds / (double)NanosecondsPerSecond;

    public Timestamp AddSeconds(double seconds) =>
        this with { UnixNanoseconds = UnixNanoseconds + (long)Math.Round(seconds * NanosecondsPerSecond) };

    /// <summary>Seconds from <paramref name="earlier"/> to this time.</summary>
    public double SecondsSince(Timestamp earlier) => (UnixNanoseconds - earlier.UnixNanoseconds) / (double)NanosecondsPerSecond;

    public int CompareTo(Timestamp other) => UnixNanoseconds.CompareTo(other.UnixNanoseconds);

    public static bool operator <(Timestamp left, Timestamp right) => left.UnixNanoseconds < right.UnixNanoseconds;

    public static bool operator >(Timestamp left, Timestamp right) => left.UnixNanoseconds > right.UnixNanoseconds;

    public static bool operator <=(Timestamp left, Timestamp right) => left.UnixNanoseconds <= right.UnixNanoseconds;

    public static bool operator >=(Timestamp left, Timestamp right) => left.UnixNanoseconds >= right.UnixNanoseconds;

    /// <summary>ISO 8601 UTC with exactly the source's fractional digits: <c>2026-11-24T10:15:23.123456Z</c>.</summary>
    public string ToIso8601()
    {
        long seconds = Math.DivRem(UnixNanoseconds, NanosecondsPerSecond, out long nanos);
        if (nanos < 0)
        {
            seconds--;
            nanos += NanosecondsPerSecond;
        }

        DateTime whole = DateTime.UnixEpoch.AddSeconds(seconds);
        int digits = Math.Clamp((int)FractionDigits, 0, 9);

        // Written in place into one string: a report spells tens of thousands of times, and the
        // custom pattern this replaces was parsed on every call and left four strings behind
        // (docs/performance.md, sixth session). "s" is the same yyyy-MM-ddTHH:mm:ss, invariant.
        Span<char> text = stackalloc char[MaxIso8601Length];
        whole.TryFormat(text, out int length, "s", CultureInfo.InvariantCulture);
        if (digits > 0)
        {
            text[length++] = '.';
            long fraction = nanos;
            for (int place = 8; place >= 0; place--)
            {
                if (place < digits)
                {
                    text[length + place] = (char)('0' + (int)(fraction % 10));
                }

                fraction /= 10;
            }

            length += digits;
        }

        text[length++] = 'Z';
        return new string(text[..length]);
    }

    public override string ToString() => ToIso8601();
}
