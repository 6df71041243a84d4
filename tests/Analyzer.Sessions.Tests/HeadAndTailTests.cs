namespace Analyzer.Sessions.Tests;

public sealed class HeadAndTailTests
{
    [Fact]
    public void Appending_past_the_limit_keeps_the_first_half_and_the_latest_half()
    {
        List<int> list = [];
        int droppedCount = 0;
        for (int i = 1; i <= 20; i++)
        {
            droppedCount += HeadAndTail.Append(list, i, 6) ? 1 : 0;
        }

        Assert.Equal([1, 2, 3, 18, 19, 20], list);
        Assert.Equal(14, droppedCount);
    }

    [Fact]
    public void Appending_reports_which_item_was_dropped()
    {
        List<string> list = ["a", "b", "c", "d"];
        Assert.True(HeadAndTail.Append(list, "e", 4, out string? dropped));
        Assert.Equal("c", dropped);
        Assert.Equal(["a", "b", "d", "e"], list);
    }

    [Fact]
    public void Below_the_limit_nothing_is_dropped()
    {
        List<int> list = [1, 2];
        Assert.False(HeadAndTail.Append(list, 3, 4, out int dropped));
        Assert.Equal(0, dropped);
        Assert.Equal([1, 2, 3], list);
    }
}
