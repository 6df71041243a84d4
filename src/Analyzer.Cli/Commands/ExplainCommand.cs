using System.CommandLine;
using Analyzer.Diagnosis.Rules;

namespace Analyzer.Cli.Commands;

/// <summary><c>vpndiag explain RULE-ID</c>: what a rule means, the evidence it cites, and what to do.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var idArgument = new Argument<string>("RULE-ID") { Description = "A rule id, as `vpndiag rules list` prints it." };
        Option<string[]> rulesOption = RulesCommand.RulesOption();
        var command = new Command("explain", "Print a rule's description, the evidence it uses and its remediation.\n\nExamples:\n  vpndiag explain esp-not-received\n  vpndiag explain my-rule --rules ./our-rules");
        command.Arguments.Add(idArgument);
        command.Options.Add(rulesOption);
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter errors = parseResult.InvocationConfiguration.Error;
            RuleSet rules = RuleCatalogueLocation.Load(parseResult.GetValue(rulesOption), errors);
            string id = parseResult.GetValue(idArgument) ?? "";
            Rule? rule = rules.Find(id);
            if (rule is null)
            {
                errors.WriteLine($"vpndiag: error: no rule \"{id}\" (see vpndiag rules list)");
                return 2;
            }

            Write(rule, output);
            return 0;
        });
        return command;
    }

    internal static void Write(Rule rule, TextWriter output)
    {
        output.WriteLine($"{rule.Id}: {rule.Title}");
        output.WriteLine($"severity {RulesCommand.Name(rule.Severity)} · category {rule.Category} · cause {rule.Cause} · owner {rule.Owner} · status {rule.Status}");
        output.WriteLine();
        output.WriteLine(rule.Description);
        output.WriteLine();
        output.WriteLine($"Fires when (for each {rule.Subject}): {rule.Condition}");
        if (rule.Evidence.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Evidence cited:");
            foreach (RuleEvidence evidence in rule.Evidence)
            {
                string what = evidence.Frames is not null ? "frames " + evidence.Frames : "records " + evidence.Records;
                string filter = evidence.Filter is null ? "" : $" (display filter: {evidence.Filter})";
                output.WriteLine($"  - {evidence.Text}: {what}{filter}");
            }
        }

        // A guarded step reads as its action first, then the case it is for; holes stay as {Fact}.
        List(output, "What to do:", rule.Remediation.Select(step => Rule.SplitStep(step) is (string guard, string text) ? $"{text} (when {guard})" : step).ToList(), numbered: true);
        List(output, "References:", rule.References, numbered: false);
        List(output, "Explains (ranked after this one):", rule.Explains, numbered: false);
        List(output, "False positives:", rule.FalsePositives, numbered: false);
        output.WriteLine();
        output.WriteLine($"Defined in {rule.SourceFile}:{rule.SourceLine}");
    }

    private static void List(TextWriter output, string heading, IReadOnlyList<string> items, bool numbered)
    {
        if (items.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(heading);
        for (int i = 0; i < items.Count; i++)
        {
            output.WriteLine(numbered ? $"  {i + 1}. {items[i]}" : $"  - {items[i]}");
        }
    }
}
