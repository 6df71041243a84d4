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
}
