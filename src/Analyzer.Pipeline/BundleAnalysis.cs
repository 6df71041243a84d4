using Analyzer.Correlation;
using Analyzer.Diagnosis;
using Analyzer.Diagnosis.Facts;
using Analyzer.Diagnosis.Rules;
using Analyzer.Pipeline.Inputs;
using Analyzer.Reporting;

namespace Analyzer.Pipeline;

/// <summary>
/// The whole analysis of one ticket bundle: collect → decode → reconstruct → correlate (attempts)
/// → facts → rules → report document. Writes nothing and decides no exit code: that is the CLI's.
/// </summary>
public static class BundleAnalysis
{
    /// <summary>
    /// Analyses <paramref name="bundle"/>. The rules are asked for only once the case is built, so a
    /// caller loading them in the background overlaps that with reading the inputs.
    /// </summary>
    public static BundleAnalysisResult Run(TicketBundle bundle, Func<RuleSet> rules, BundleAnalysisOptions options, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        StageClock? clock = options.Clock;
        Case @case = new CaseBuilder(options.Limits, options.KeyFiles, clock) { LogTime = options.LogTime }.Build(bundle, progress, cancellationToken);
        RuleSet ruleSet = rules();
        clock?.Mark("waiting for the rule files");
        FactSheet facts = FactSheet.Build(@case);
        clock?.Mark("facts");
        DiagnosisResult diagnosis = RuleEvaluator.Evaluate(facts, ruleSet);
        options.RulesEvaluated?.Invoke();
        clock?.Mark("rules (conditions compiled on first use)");
        ReportDocument document = ReportBuilder.Build(@case, diagnosis, options.Report);
        clock?.Mark("report model");
        return new BundleAnalysisResult(@case, diagnosis, document);
    }

    /// <summary>Every path (files and directories alike) as one bundle, analysed as <c>vpndiag analyze</c> would.</summary>
    public static BundleAnalysisResult Run(IReadOnlyList<string> paths, RuleSet rules, BundleAnalysisOptions? options = null)
    {
        options ??= new BundleAnalysisOptions();
        using TicketBundle bundle = BundleCollector.CollectOne(paths, options.Limits);
        return Run(bundle, () => rules, options, progress: null, CancellationToken.None);
    }
}
