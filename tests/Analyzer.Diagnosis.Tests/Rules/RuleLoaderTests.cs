using Analyzer.Correlation.Attempts;
using Analyzer.Diagnosis.Rules;

namespace Analyzer.Diagnosis.Tests.Rules;

public sealed class RuleLoaderTests
{
    internal const string Valid = """
        id: sample-rule
        title: A sample
        status: test
        severity: warning
        category: negotiation
        cause: interoperability
        owner: VPN server admin
        description: For tests.
        subject: sa
        condition: >-
          !ResponderAnswered && FirstMessageSends >= 2
        summary: >-
          {Initiator} sent {FirstMessageSends} times
        evidence:
          - frames: FirstMessageFrames
            text: "first message"
            filter: "{DisplayFilter}"
        remediation:
          - Fix it.
        references:
          - RFC 2409
        explains: []
        falsepositives: []
        examples:
          mustFire: []
          mustNotFire: []
        """;

    [Fact]
    public void A_valid_rule_loads_with_its_fields()
    {
        RuleSet set = RuleSet.FromText(("sample.yaml", Valid));
        Assert.Empty(set.Errors);
        Rule rule = Assert.Single(set.Rules);
        Assert.Equal("sample-rule", rule.Id);
        Assert.Equal(Severity.Warning, rule.Severity);
        Assert.Equal("sa", rule.Subject);
        Assert.Equal(1, rule.SourceLine);
        Assert.Single(rule.Evidence);
    }

    [Fact]
    public void The_stages_a_rule_explains_load_as_attempt_stages_in_their_written_order()
    {
        string staged = Valid.Replace("explains: []", "explains: []\nstages: [phase1-auth, ike-reachability]", StringComparison.Ordinal);
        RuleSet set = RuleSet.FromText(("staged.yaml", staged));
        Assert.Empty(set.Errors);
        Assert.Equal([AttemptStage.Phase1Auth, AttemptStage.IkeReachability], Assert.Single(set.Rules).Stages);
        Assert.Empty(Assert.Single(RuleSet.FromText(("plain.yaml", Valid)).Rules).Stages);
    }

    [Fact]
    public void An_unknown_stage_name_is_a_load_error_at_the_stages_line_naming_it_and_the_known_stages()
    {
        string staged = Valid.Replace("explains: []", "explains: []\nstages: [phase1-auth, phase-1-auth]", StringComparison.Ordinal);
        RuleSet set = RuleSet.FromText(("staged.yaml", staged));
        RuleLoadError error = Assert.Single(set.Errors);
        Assert.Equal(23, error.Line);
        Assert.Contains("\"phase-1-auth\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("ike-reachability", error.Message, StringComparison.Ordinal);
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_file_and_line()
    {
        string broken = Valid.Replace("title: A sample", "title: [unclosed", StringComparison.Ordinal);
        RuleSet set = RuleSet.FromText(("broken.yaml", broken));
        RuleLoadError error = Assert.Single(set.Errors);
        Assert.Equal("broken.yaml", error.File);
        Assert.InRange(error.Line, 2, 4);
        Assert.Empty(set.Rules);
    }

    /// <summary>An unknown key (a typo), and a key given twice (the second would silently win).</summary>
    [Theory]
    [InlineData("remediation:", "remedation:", 18, "remedation")]
    [InlineData("status: test", "status: test\ntitle: Another title", 4, "title")]
    public void A_key_that_cannot_stand_is_an_error_at_its_line(string key, string written, int line, string named)
    {
        RuleSet set = RuleSet.FromText(("keys.yaml", Valid.Replace(key, written, StringComparison.Ordinal)));
        RuleLoadError error = Assert.Single(set.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Condition_naming_an_unknown_fact_is_an_error_at_the_condition_line()
    {
        string bad = Valid.Replace("FirstMessageSends >= 2", "FirstMessageCount >= 2", StringComparison.Ordinal);
        RuleSet set = RuleSet.FromText(("bad.yaml", bad));
        RuleLoadError error = Assert.Single(set.Errors);
        Assert.Equal(10, error.Line);
        Assert.Contains("FirstMessageCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_hole_that_does_not_compile_is_an_error()
    {
        string bad = Valid.Replace("{Initiator} sent", "{Initiatr} sent", StringComparison.Ordinal);
        RuleLoadError error = Assert.Single(RuleSet.FromText(("bad.yaml", bad)).Errors);
        Assert.Equal(12, error.Line);
    }

    [Theory]
    [InlineData("severity: warning", "severity: fatal")]
    [InlineData("category: negotiation", "category: misc")]
    [InlineData("owner: VPN server admin", "owner: someone")]
    [InlineData("subject: sa", "subject: packet")]
    [InlineData("id: sample-rule", "id: Sample_Rule")]
    public void Values_outside_the_vocabulary_are_rejected(string good, string wrong)
    {
        RuleSet set = RuleSet.FromText(("bad.yaml", Valid.Replace(good, wrong, StringComparison.Ordinal)));
        Assert.NotEmpty(set.Errors);
        Assert.Empty(set.Rules);
    }

    [Fact]
    public void Duplicate_id_is_rejected_and_the_first_kept()
    {
        RuleSet set = RuleSet.FromText(("a.yaml", Valid), ("b.yaml", Valid));
        Assert.Single(set.Rules);
        RuleLoadError error = Assert.Single(set.Errors);
        Assert.Equal("b.yaml", error.File);
        Assert.Contains("duplicate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_file_in_a_directory_leaves_the_other_rules_running()
    {
        string directory = Directory.CreateTempSubdirectory("vpndiag-rules").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "good.yaml"), Valid);
            File.WriteAllText(Path.Combine(directory, "bad.yaml"), "id: [\n");
            Directory.CreateDirectory(Path.Combine(directory, "tests"));
            File.WriteAllText(Path.Combine(directory, "tests", "expected.yaml"), "mustFire: [x]");
            RuleSet set = RuleSet.Load([directory]);
            Assert.Single(set.Rules);
            RuleLoadError error = Assert.Single(set.Errors);
            Assert.EndsWith("bad.yaml", error.File, StringComparison.Ordinal);
            Assert.True(error.Line > 0);
        }
        finally
        {
            Directory.Delete(directory, true);
        }
    }

    [Fact]
    public void Missing_directory_is_an_error_not_an_exception()
    {
        RuleSet set = RuleSet.Load(["/nonexistent/vpndiag-rules"]);
        Assert.Single(set.Errors);
        Assert.Empty(set.Rules);
    }
}
