using Analyzer.EventLogs.Normalization;

namespace Analyzer.EventLogs.Tests.Normalization;

/// <summary>An event map's pattern starts interpreted and is rebuilt for a faster engine once it has been used enough.</summary>
public sealed class MapPatternTests
{
    [Fact]
    public void A_pattern_matches_the_same_before_and_after_it_is_promoted()
    {
        var pattern = new MapPattern(@"received (?<v>\d+) bytes from (?<peer>[0-9.]+)\[500\]");
        string line = "received 1024 bytes from 198.51.100.7[500] to 203.0.113.5[500]";

        // Two uses a round, one matching and one not: the last round reaches the promotion.
        for (int round = 0; round < MapPattern.Promotion / 2; round++)
        {
            Assert.False(pattern.Promoted);
            Assert.Equal("1024", pattern.Match(line).Groups["v"].Value);
            Assert.False(pattern.Match("no match here").Success);
        }

        Assert.True(pattern.Promoted);
        System.Text.RegularExpressions.Match promoted = pattern.Match(line);
        Assert.Equal("1024", promoted.Groups["v"].Value);
        Assert.Equal("198.51.100.7", promoted.Groups["peer"].Value);
        Assert.False(pattern.Match("no match here").Success);
    }

    [Fact]
    public void A_pattern_used_a_few_times_is_never_rebuilt()
    {
        var pattern = new MapPattern("^charon");
        for (int i = 0; i < 100; i++)
        {
            Assert.True(pattern.Match("charon: 05[IKE] initiating").Success);
        }

        Assert.False(pattern.Promoted);
    }

    [Fact]
    public void An_invalid_pattern_is_refused_when_the_map_loads()
    {
        Assert.ThrowsAny<ArgumentException>(() => new MapPattern("(unclosed"));
    }
}
