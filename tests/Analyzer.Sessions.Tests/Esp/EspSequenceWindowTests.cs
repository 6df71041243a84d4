using Analyzer.Sessions.Esp;

namespace Analyzer.Sessions.Tests.Esp;

public sealed class EspSequenceWindowTests
{
    private static EspSequenceWindow Feed(params uint[] sequence)
    {
        var window = default(EspSequenceWindow);
        foreach (uint number in sequence)
        {
            window.Observe(number);
        }

        return window;
    }

    [Fact]
    public void Consecutive_numbers_have_no_gap_duplicate_or_reorder()
    {
        EspSequenceWindow window = Feed(1, 2, 3, 4, 5);

        Assert.Equal((0L, 0L, 0L, 0L), (window.Gaps, window.Duplicates, window.OutOfOrder, window.Resets));
        Assert.Equal((1u, 5u), (window.FirstSequence, window.HighestSequence));
    }

    [Fact]
    public void Skipped_numbers_count_as_gaps()
    {
        Assert.Equal(3, Feed(1, 2, 5, 7).Gaps);
    }

    [Fact]
    public void A_repeated_number_is_a_duplicate_not_a_gap_filler()
    {
        EspSequenceWindow window = Feed(1, 2, 2, 4);

        Assert.Equal(1, window.Duplicates);
        Assert.Equal(1, window.Gaps);
    }

    [Fact]
    public void A_late_packet_inside_the_window_fills_its_gap_as_reordered()
    {
        EspSequenceWindow window = Feed(1, 3, 2, 4);

        Assert.Equal(0, window.Gaps);
        Assert.Equal(1, window.OutOfOrder);
        Assert.Equal(0, window.Duplicates);
    }

    [Fact]
    public void Counter_restarting_near_one_is_a_reset_and_gaps_of_both_runs_add_up()
    {
        uint[] run = [.. Enumerable.Range(1, 200).Select(i => (uint)i).Where(i => i != 50), 1, 2, 4];

        EspSequenceWindow window = Feed(run);

        Assert.Equal(1, window.Resets);
        Assert.Equal(2, window.Gaps);
    }

    [Fact]
    public void Extended_sequence_wrap_is_not_a_reset()
    {
        EspSequenceWindow window = Feed(0xFFFF_FFFE, 0xFFFF_FFFF, 0, 1);

        Assert.Equal(0, window.Resets);
        Assert.Equal(0, window.Gaps);
    }

    [Fact]
    public void A_packet_older_than_the_window_is_counted_late_not_duplicate()
    {
        uint[] run = [.. Enumerable.Range(100, 100).Select(i => (uint)i), 120];

        EspSequenceWindow window = Feed(run);

        Assert.Equal(0, window.Duplicates);
        Assert.Equal(1, window.OutOfOrder);
    }
}
