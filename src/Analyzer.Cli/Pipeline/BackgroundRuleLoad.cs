using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;

namespace Analyzer.Cli.Pipeline;

/// <summary>
/// The rules of one <c>analyze</c> run, read on a spare core while the inputs are read: the built-in
/// catalogue compiles each expression when first needed, and that core compiles conditions, then
/// summaries and evidence, ahead of need for the rest of the run (docs/decisions/0002): once the
/// captures are read it would otherwise idle while the rules are evaluated. Load errors are written once.
/// </summary>
internal sealed class BackgroundRuleLoad : IDisposable
{
    private readonly CancellationTokenSource _stopPrecompiling = new();
    private readonly Task<RuleSet> _rules;
    private int _errorsWritten;

    public BackgroundRuleLoad(IReadOnlyList<string> userDirectories, CancellationToken cancellationToken)
    {
        CancellationToken stop = _stopPrecompiling.Token;
        _rules = Task.Run(() => RuleCatalogueLocation.Open(userDirectories, RuleCompilation.OnFirstUse), cancellationToken);
        _ = _rules.ContinueWith(loaded => loaded.Result.Precompile(stop),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>Waits for the rule files and writes the load errors the first time.</summary>
    public RuleSet Wait(TextWriter errors)
    {
        RuleSet rules = _rules.GetAwaiter().GetResult();
        if (Interlocked.Exchange(ref _errorsWritten, 1) == 0)
        {
            lock (errors)
            {
                RuleCatalogueLocation.WriteErrors(rules, errors);
            }
        }

        return rules;
    }

    public void Dispose()
    {
        _stopPrecompiling.Cancel();
        _stopPrecompiling.Dispose();
    }
}
