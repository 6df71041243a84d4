using Analyzer.EventLogs.Daemon;

namespace Analyzer.EventLogs.Tests.Daemon;

public sealed class RepeatedStringsTests
{
    [Fact]
    public void Equal_values_from_different_lines_come_back_as_one_shared_string()
    {
        var repeated = new RepeatedStrings();
        string first = repeated.Share(new string(['I', 'K', 'E']))!;
        string second = repeated.Share(new string(['I', 'K', 'E']))!;
        Assert.Same(first, second);
        Assert.Null(repeated.Share(null));
    }

    [Fact]
    public void Past_its_capacity_new_values_are_returned_as_they_are_and_not_kept()
    {
        var repeated = new RepeatedStrings(capacity: 2);
        repeated.Share("a");
        repeated.Share("b");
        string third = new(['c']);
        Assert.Same(third, repeated.Share(third));
        string again = new(['c']);
        Assert.Same(again, repeated.Share(again));
        Assert.Same("a", repeated.Share(new string(['a'])));
    }
}
