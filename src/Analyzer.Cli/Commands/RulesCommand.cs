using System.CommandLine;
using System.Globalization;
using Analyzer.Pipeline;
using Analyzer.Diagnosis.Rules;

namespace Analyzer.Cli.Commands;

/// <summary><c>vpndiag rules list|test</c>: the rule catalogue, and its Sigma-style example runs.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "List the diagnosis rules, or test them on their examples.\n\nExamples:\n  vpndiag rules list\n  vpndiag rules test\n  vpndiag rules test ./our-rules");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(CreateTest());
        return command;
    }

    internal static Option<string[]> RulesOption() => new("--rules")
    {
        Description = "A directory of extra rule files (*.yaml); may be given more than once.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static Command CreateList()
    {
        Option<string[]> rulesOption = RulesOption();
        var command = new Command("list", "List every rule: id, severity, category, cause, owner, title.\n\nExamples:\n  vpndiag rules list\n  vpndiag rules list --rules ./our-rules");
        command.Options.Add(rulesOption);
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            RuleSet rules = RuleCatalogueLocation.Load(parseResult.GetValue(rulesOption), parseResult.InvocationConfiguration.Error);
            int idWidth = Math.Max(4, rules.Rules.Select(r => r.Id.Length).DefaultIfEmpty(0).Max());
            output.WriteLine($"{"id".PadRight(idWidth)}  {"severity",-8}  {"category",-16}  {"cause",-16}  {"owner",-21}  title");
            foreach (Rule rule in rules.Rules.OrderBy(r => r.Category, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
            {
                output.WriteLine($"{rule.Id.PadRight(idWidth)}  {Name(rule.Severity),-8}  {rule.Category,-16}  {rule.Cause,-16}  {rule.Owner,-21}  {rule.Title}");
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rules.Rules.Count} rules, {rules.Errors.Count} rule files with errors"));
            return rules.Rules.Count == 0 ? 2 : 0;
        });
        return command;
    }

    private static Command CreateTest()
    {
        var directoryArgument = new Argument<string?>("DIR")
        {
            Description = "Rules directory to test (default: the built-in catalogue).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("test", "Run every rule's examples (must fire / must not fire) and report pass or fail.\n\nExamples:\n  vpndiag rules test\n  vpndiag rules test ./our-rules");
        command.Arguments.Add(directoryArgument);
        command.SetAction(parseResult =>
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            TextWriter errors = parseResult.InvocationConfiguration.Error;
            string directory = parseResult.GetValue(directoryArgument) ?? RuleCatalogueLocation.BuiltInDirectory;
            RuleSet rules = RuleSet.Load([directory]);
            foreach (RuleLoadError error in rules.Errors)
            {
                output.WriteLine("FAIL  " + error);
            }

            string baseDirectory = RuleCatalogueLocation.ExampleBase(directory);
            IReadOnlyList<RuleExampleResult> results = new RuleExampleRunner(ExampleAnalysis.Analyze).Run(rules, baseDirectory);
            foreach (RuleExampleResult result in results)
            {
                string verdict = result.Passed ? "PASS" : result.Outcome == RuleExampleOutcome.Unavailable ? "SKIP" : "FAIL";
                string expectation = result.MustFire ? "must fire    " : "must not fire";
                output.WriteLine($"{verdict}  {result.RuleId}  {expectation}  {result.Example}  ({result.Outcome}: {result.Message})");
            }

            int passed = results.Count(r => r.Passed);
            int skipped = results.Count(r => r.Outcome == RuleExampleOutcome.Unavailable);
            int failed = results.Count - passed - skipped;
            string skippedNote = skipped == 0 ? "" : $", {skipped} skipped ({RuleExampleRunner.PublicFolder} absent)";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{passed} passed, {failed} failed, {rules.Errors.Count} rule files with errors, {rules.Rules.Count(r => r.MustFire.Count + r.MustNotFire.Count == 0)} rules without examples{skippedNote}"));
            return failed > 0 || rules.Errors.Count > 0 ? 1 : 0;
        });
        return command;
    }

    internal static string Name(Analyzer.Diagnosis.Severity severity) => severity switch
    {
        Analyzer.Diagnosis.Severity.Error => "error",
        Analyzer.Diagnosis.Severity.Warning => "warning",
        _ => "info",
    };
}
