using Analyzer.Core;
using Analyzer.Sessions.Ike;

namespace Analyzer.Sessions.Tests.Ike;

/// <summary>
/// AnalysisLimits.MaxIkeMessagesPerSa on a real long SA (lab scenario long-session-dpd-rekey-delete:
/// Main Mode, Quick Modes, DPD and rekeys, 38 messages in its first SA).
/// </summary>
public sealed class LongSaBoundTests
{
    private const string Scenario = "long-session-dpd-rekey-delete";
    private const int Limit = 10;

    [Fact]
    public void A_long_SA_keeps_its_first_and_latest_messages_and_counts_those_between()
    {
        IkeSa whole = LabScenario.Reconstruct(Scenario).IkeSas[0];
        IkeSa bounded = LabScenario.Reconstruct(Scenario, limits: new AnalysisLimits { MaxIkeMessagesPerSa = Limit }).IkeSas[0];
        Assert.True(whole.Messages.Count > Limit, "the scenario's first SA should be longer than the limit");

        List<long> expected = [.. whole.Messages.Take(Limit / 2).Select(m => m.Frame.Frame), .. whole.Messages.TakeLast(Limit / 2).Select(m => m.Frame.Frame)];
        Assert.Equal(expected, bounded.Messages.Select(m => m.Frame.Frame));
        Assert.Equal(whole.Messages.Count - Limit, bounded.MessagesNotListed);
        Assert.Equal(0, whole.MessagesNotListed);
        Assert.Equal(whole.LastFrame, bounded.LastFrame);
        Assert.InRange(bounded.Exchanges.Count, 1, Limit);
        Assert.All(bounded.Exchanges, e => Assert.InRange(e.Messages.Count, 1, Limit));
    }

    [Fact]
    public void A_long_SA_resolves_to_the_same_state_when_its_middle_is_not_listed()
    {
        CaptureModel whole = LabScenario.Reconstruct(Scenario);
        CaptureModel bounded = LabScenario.Reconstruct(Scenario, limits: new AnalysisLimits { MaxIkeMessagesPerSa = Limit });
        Assert.Equal(whole.IkeSas.Select(s => s.State), bounded.IkeSas.Select(s => s.State));
        Assert.Equal(whole.IkeSas.Select(s => s.Deletes.Count), bounded.IkeSas.Select(s => s.Deletes.Count));
    }

    [Fact]
    public void Passing_the_message_bound_leaves_one_warning_naming_the_capture_and_the_first_frame_past_it()
    {
        CaptureModel whole = LabScenario.Reconstruct(Scenario);
        CaptureModel bounded = LabScenario.Reconstruct(Scenario, limits: new AnalysisLimits { MaxIkeMessagesPerSa = Limit });
        Assert.DoesNotContain(whole.Diagnostics, d => d.Message.Contains("messages; its first and latest", StringComparison.Ordinal));

        InputDiagnostic warning = Assert.Single(bounded.Diagnostics, d => d.Message.Contains("messages; its first and latest", StringComparison.Ordinal));
        Assert.Equal("client.pcap", warning.Input);
        Assert.Equal(whole.IkeSas[0].Messages[Limit].Frame.Frame, warning.Frame);
        Assert.Contains($"more than {Limit} messages", warning.Message, StringComparison.Ordinal);
    }
}
