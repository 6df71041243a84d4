using Analyzer.Diagnosis.Rules;

namespace Analyzer.Cli.Pipeline;

/// <summary>The built-in rules (shipped beside the binary in <c>rules/</c>) plus the user's <c>--rules</c> directories.</summary>
internal static class RuleCatalogue
{
    public static string BuiltInDirectory => Path.Combine(AppContext.BaseDirectory, "rules");

    public static RuleSet Load(IReadOnlyList<string> extraDirectories) =>
        RuleSet.Load([BuiltInDirectory, .. extraDirectories]);
}
