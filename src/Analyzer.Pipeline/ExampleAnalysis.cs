using Analyzer.Pipeline.Inputs;
using Analyzer.Core;
using Analyzer.Correlation;

namespace Analyzer.Pipeline;

/// <summary>
/// The pipeline as <c>rules test</c> runs a rule's example: every path (files and directories
/// alike) is one bundle, analysed exactly as <c>vpndiag analyze</c> would.
/// </summary>
public static class ExampleAnalysis
{
    public static Case Analyze(IReadOnlyList<string> paths)
    {
        using TicketBundle bundle = BundleCollector.CollectOne(paths, AnalysisLimits.Default);
        return new CaseBuilder(AnalysisLimits.Default, []).Build(bundle, progress: null, CancellationToken.None);
    }
}
