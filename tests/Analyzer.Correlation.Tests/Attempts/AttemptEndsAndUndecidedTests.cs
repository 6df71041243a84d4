using Analyzer.Core;
using Analyzer.Correlation.Attempts;

namespace Analyzer.Correlation.Tests.Attempts;

/// <summary>Two answers the correlation stage owns: which attempts an address is an end of, and which attempt stopped undecided.</summary>
public sealed class AttemptEndsAndUndecidedTests
{
    private static ConnectionAttempt Attempt(string id, string client, string server) => new()
    {
        Id = id,
        Client = new NetEndpoint(NetAddress.Parse(client), 500),
        Server = new NetEndpoint(NetAddress.Parse(server), 500),
    };

    [Fact]
    public void The_end_index_lists_each_attempt_under_each_of_its_ends_once_and_a_shared_end_under_both_in_order()
    {
        ConnectionAttempt first = Attempt("A1", "198.51.100.20", "203.0.113.10");
        ConnectionAttempt second = Attempt("A2", "198.51.100.21", "203.0.113.10");
        Dictionary<NetAddress, List<ConnectionAttempt>> byEnd = L2tpLogJoin.ByEnd([first, second]);
        Assert.Equal([first, second], byEnd[NetAddress.Parse("203.0.113.10")]);
        Assert.Equal([first], byEnd[NetAddress.Parse("198.51.100.20")]);
        Assert.Equal([second], byEnd[NetAddress.Parse("198.51.100.21")]);
        Assert.Equal(3, byEnd.Count);
    }

    [Fact]
    public void An_attempt_whose_ike_auth_only_keys_can_read_and_nothing_passed_after_it_is_undecided_at_that_stage()
    {
        ConnectionAttempt attempt = Attempt("A1", "198.51.100.20", "203.0.113.10");
        attempt[AttemptStage.IkeReachability].Outcome = StageOutcome.Passed;
        attempt[AttemptStage.Phase1Proposal].Outcome = StageOutcome.Passed;
        attempt[AttemptStage.Phase1Auth].Outcome = StageOutcome.Unknown;
        attempt[AttemptStage.Phase1Auth].UndecidedWithout = "the IKEv2 keys";
        Assert.Same(attempt[AttemptStage.Phase1Auth], attempt.Undecided);
    }

    [Fact]
    public void An_attempt_is_not_undecided_when_a_later_stage_passed_or_a_stage_failed_or_the_unknown_stage_needs_no_keys()
    {
        ConnectionAttempt later = Attempt("A1", "198.51.100.20", "203.0.113.10");
        later[AttemptStage.Phase2].Outcome = StageOutcome.Unknown;
        later[AttemptStage.Phase2].UndecidedWithout = "the IKEv2 keys";
        later[AttemptStage.Esp].Outcome = StageOutcome.Passed;
        Assert.Null(later.Undecided);

        ConnectionAttempt failed = Attempt("A2", "198.51.100.20", "203.0.113.10");
        failed[AttemptStage.Phase1Auth].Outcome = StageOutcome.Unknown;
        failed[AttemptStage.Phase1Auth].UndecidedWithout = "the IKEv2 keys";
        failed.FailedStage = AttemptStage.Phase2;
        Assert.Null(failed.Undecided);

        ConnectionAttempt cut = Attempt("A3", "198.51.100.20", "203.0.113.10");
        cut[AttemptStage.Phase1Auth].Outcome = StageOutcome.Unknown;
        Assert.Null(cut.Undecided);
    }
}
