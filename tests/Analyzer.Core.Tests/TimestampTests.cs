using Analyzer.Core;

namespace Analyzer.Core.Tests;

public class TimestampTests
{
    [Fact]
    public void Microsecond_capture_time_prints_exactly_six_fraction_digits()
    {
        var time = Timestamp.FromUnix(1_700_000_000, 123_456_000, 6);
        Assert.Equal("2023-11-14T22:13:20.123456Z", time.ToIso8601());
    }

    [Fact]
    public void Nanosecond_capture_time_keeps_all_nine_digits()
    {
        var time = Timestamp.FromUnix(1_700_000_000, 123_456_789, 9);
        Assert.Equal("2023-11-14T22:13:20.123456789Z", time.ToIso8601());
    }

    [Fact]
    public void Times_before_the_epoch_borrow_a_second_for_the_fraction()
    {
        var time = new Timestamp(-1, 9);
        Assert.Equal("1969-12-31T23:59:59.999999999Z", time.ToIso8601());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(9)]
    public void Every_fraction_width_is_spelled_as_the_invariant_date_pattern_spells_it(byte digits)
    {
        long[] times = [0, 1, -1, 999_999_999, 1_700_000_000_123_456_789, -5_000_000_000_000_000_001, long.MaxValue, long.MinValue + 1];
        foreach (long nanoseconds in times)
        {
            long seconds = Math.DivRem(nanoseconds, 1_000_000_000, out long nanos);
            if (nanos < 0)
            {
                seconds--;
                nanos += 1_000_000_000;
            }

            string head = DateTime.UnixEpoch.AddSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            string expected = digits == 0 ? head + "Z" : head + "." + nanos.ToString("D9", System.Globalization.CultureInfo.InvariantCulture)[..digits] + "Z";
            Assert.Equal(expected, new Timestamp(nanoseconds, digits).ToIso8601());
        }
    }
}
