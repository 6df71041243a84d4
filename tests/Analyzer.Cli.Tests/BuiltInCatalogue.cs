using Analyzer.Diagnosis.Rules;
using Analyzer.Cli.Commands;
using Analyzer.Pipeline;

namespace Analyzer.Cli.Tests;

/// <summary>
/// The shipped rule catalogue, loaded once for every test class that analyses a bundle in process.
/// One instance is safe across parallel test classes: a rule compiles its condition and presentation
/// behind thread-safe <see cref="Lazy{T}"/> fields and caches compiled expressions in a concurrent
/// dictionary, the same sharing the rule threads of one analysis already rely on.
/// </summary>
internal static class BuiltInCatalogue
{
    private static readonly Lazy<RuleSet> Loaded = new(() => RuleSet.Load([RuleCatalogueLocation.BuiltInDirectory]));

    public static RuleSet Rules => Loaded.Value;

    /// <summary>Analyses <paramref name="paths"/> as one bundle with the shipped rules.</summary>
    public static BundleAnalysisResult Analyze(params string[] paths) => BundleAnalysis.Run(paths, Rules);
}
