using Analyzer.Correlation.Attempts;
using Analyzer.Diagnosis.Rules;
using Analyzer.Testing;

namespace Analyzer.Diagnosis.Tests.Rules;

/// <summary>Repository-wide lint of the rule catalogue (Sigma's test_rules.py idea): every file, every field.</summary>
public sealed class RuleCatalogueTests
{
    private static readonly string[] RequiredIds =
    [
        "ike-no-response", "natt-udp4500-blocked", "esp-not-received", "ike-fragments-lost", "phase1-auth-failed",
        "phase1-proposal-mismatch", "phase2-rejected", "l2tp-unprotected", "nat-detected", "nat-t-unsupported",
        "second-client-behind-nat", "aggressive-mode", "weak-crypto", "ipsec-established", "l2tp-setup-failed",
        "ppp-auth-failed", "pptp-not-l2tp", "certificate-validity", "no-common-ca", "clock-skew",
        "machine-certificate-missing", "event-ike-failure", "vpn-client-error", "packet-corruption",
        "server-cpu-saturated", "l2tp-ipsec-mode-mismatch", "daemon-log-failure",
        "path-drop", "path-modified", "nat-observed",
    ];

    private static RuleSet Catalogue => RuleSet.LoadBuiltIn(RepoPaths.Rules);

    [Fact]
    public void Every_rule_file_loads_and_compiles()
    {
        RuleSet rules = Catalogue;
        Assert.True(rules.Errors.Count == 0, string.Join(Environment.NewLine, rules.Errors));
        Assert.True(rules.Rules.Count >= RequiredIds.Length);
    }

    [Fact]
    public void Every_required_rule_id_is_in_the_catalogue()
    {
        var ids = Catalogue.Rules.Select(r => r.Id).ToHashSet();
        Assert.All(RequiredIds, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void File_name_is_the_id_and_folder_is_the_category()
    {
        foreach (Rule rule in Catalogue.Rules)
        {
            Assert.Equal(rule.Id + ".yaml", Path.GetFileName(rule.SourceFile));
            Assert.Equal(rule.Category, Path.GetFileName(Path.GetDirectoryName(rule.SourceFile)));
        }
    }

    [Fact]
    public void Fields_appear_in_the_fixed_order()
    {
        foreach (Rule rule in Catalogue.Rules)
        {
            List<string> keys = RuleFileReader.KeyLines(File.ReadAllText(rule.SourceFile)).OrderBy(k => k.Value).Select(k => k.Key).ToList();
            List<string> expected = RuleVocabulary.FieldOrder.Where(keys.Contains).ToList();
            Assert.True(expected.SequenceEqual(keys), $"{rule.SourceFile}: fields {string.Join(", ", keys)} are not in the order {string.Join(", ", RuleVocabulary.FieldOrder)}");
        }
    }

    [Fact]
    public void Explains_names_only_rules_that_exist()
    {
        var ids = Catalogue.Rules.Select(r => r.Id).ToHashSet();
        foreach (Rule rule in Catalogue.Rules)
        {
            Assert.All(rule.Explains, id => Assert.True(ids.Contains(id), $"{rule.Id} explains unknown rule {id}"));
            Assert.DoesNotContain(rule.Id, rule.Explains);
        }
    }

    [Fact]
    public void Every_error_rule_names_the_stages_it_explains_and_no_information_rule_names_any()
    {
        foreach (Rule rule in Catalogue.Rules)
        {
            if (rule.Severity == Severity.Error)
            {
                Assert.True(rule.Stages.Count > 0, $"{rule.Id} is an error but lists no stages it explains");
            }

            if (rule.Severity == Severity.Info)
            {
                Assert.True(rule.Stages.Count == 0, $"{rule.Id} is information, never a failure's cause, but lists stages");
            }
        }
    }

    [Theory]
    [InlineData("ike-no-response", "ike-reachability")]
    [InlineData("phase1-proposal-mismatch", "phase1-proposal")]
    [InlineData("phase1-auth-failed", "phase1-auth")]
    [InlineData("phase2-rejected", "phase2")]
    [InlineData("esp-not-received", "esp")]
    [InlineData("l2tp-setup-failed", "l2tp-tunnel")]
    [InlineData("ppp-lcp-loop", "ppp-lcp")]
    [InlineData("ppp-auth-failed", "ppp-auth")]
    [InlineData("ppp-ipcp-failed", "ppp-ipcp")]
    public void Each_stage_s_own_failure_rule_explains_that_stage(string id, string stage)
    {
        Rule rule = Catalogue.Rules.Single(r => r.Id == id);
        Assert.Contains(stage, rule.Stages.Select(AttemptNames.Stage));
    }

    [Fact]
    public void Weak_crypto_explains_no_stage_because_a_weak_sa_still_works()
    {
        Assert.Empty(Catalogue.Rules.Single(r => r.Id == "weak-crypto").Stages);
    }

    [Fact]
    public void Every_rule_has_examples_with_remediation_and_references()
    {
        foreach (Rule rule in Catalogue.Rules)
        {
            Assert.True(rule.MustFire.Count + rule.MustNotFire.Count > 0, rule.Id + " has no examples");
            Assert.NotEmpty(rule.Remediation);
            Assert.NotEmpty(rule.References);
        }
    }

    [Fact]
    public void Every_example_input_exists()
    {
        string? shared = RepoPaths.Shared;
        bool samples = Directory.Exists(Path.Combine(RepoPaths.Samples, "captures"));
        List<string> missing = [];
        List<string> pending = [];
        foreach (Rule rule in Catalogue.Rules)
        {
            foreach (string example in rule.MustFire.Concat(rule.MustNotFire))
            {
                foreach (string input in RuleExampleRunner.Inputs(example, RepoPaths.Root))
                {
                    if (File.Exists(input) || Directory.Exists(input))
                    {
                        continue;
                    }

                    bool inSamples = input.StartsWith(RepoPaths.Samples, StringComparison.Ordinal);
                    bool inShared = shared is not null && input.StartsWith(shared, StringComparison.Ordinal);
                    if ((inSamples && !samples) || (!inSamples && shared is null && !inShared))
                    {
                        pending.Add($"{rule.Id}: {example}");
                    }
                    else
                    {
                        missing.Add($"{rule.Id}: {example}");
                    }
                }
            }
        }

        Assert.Empty(missing);
        if (pending.Count > 0)
        {
            Assert.Skip($"{pending.Count} examples wait for samples/ or ../shared to be present, e.g. {pending[0]}");
        }
    }
}
