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
        string head = whole.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        int digits = Math.Clamp((int)FractionDigits, 0, 9);
        if (digits == 0)
        {
            return head + "Z";
        }

        string fraction = nanos.ToString("D9", CultureInfo.InvariantCulture)[..digits];
        return head + "." + fraction + "Z";
    }

    public override string ToString() => ToIso8601();
}
