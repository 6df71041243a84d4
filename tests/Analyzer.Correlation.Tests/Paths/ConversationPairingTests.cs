using Analyzer.Correlation.Paths;
using Analyzer.Sessions;
using Analyzer.Testing;

namespace Analyzer.Correlation.Tests.Paths;

public class ConversationPairingTests
{
    [Fact]
    public void Three_captures_of_two_conversations_pair_only_the_two_that_belong_together()
    {
        string unrelated = RepoPaths.RequireShared("captures/suricata-verify/ikev1-isakmp-main-mode.pcap");
        List<CaptureModel> models = LabCaptures.Load(
            LabCaptures.Pcap("healthy-psk", "server"), unrelated, LabCaptures.Pcap("healthy-psk", "client"));

        PathComparison path = Assert.Single(PathComparer.Compare(models));

        Assert.Equal([2, 0], path.Captures.Select(c => c.InputIndex));
    }

    [Theory]
    [InlineData("udp500-blocked")]
    [InlineData("esp-dropped-one-way")]
    [InlineData("psk-mismatch")]
    public void Two_runs_with_the_same_addresses_are_kept_apart(string otherScenario)
    {
        // Lab runs reuse addresses and ports: only cookies, SPIs and L2TP content may tie captures together.
        List<CaptureModel> models = LabCaptures.Load(
            LabCaptures.Pcap("healthy-psk", "client"), LabCaptures.Pcap(otherScenario, "server"),
            LabCaptures.Pcap("healthy-psk", "server"), LabCaptures.Pcap(otherScenario, "client"));

        List<PathComparison> paths = PathComparer.Compare(models);

        Assert.Equal(2, paths.Count);
        Assert.Contains(paths, p => p.Captures.Select(c => c.InputIndex).SequenceEqual([0, 2]));
        Assert.Contains(paths, p => p.Captures.Select(c => c.InputIndex).SequenceEqual([3, 1]));
    }
}
