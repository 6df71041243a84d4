using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;

namespace Analyzer.Cli.Pipeline;

/// <summary>
/// The rules of one <c>analyze</c> run, read on a spare core while the inputs are read: the built-in
/// catalogue compiles each expression when first needed, and that core compiles conditions ahead of
/// need until the first bundle's rules have been evaluated (docs/decisions/0002). Summaries and
/// evidence are compiled only for the rules that fire: compiling every rule's ahead of need cost more
/// CPU than the rest of a small run's diagnosis, on a machine whose other core is rarely idle
/// (docs/performance.md, run 1b of issue 21). Load errors are written once. Other start-up work the
/// run will need later (<c>prepareReport</c>: the JSON serializer's metadata) follows on the same
/// core once the conditions are compiled.
/// </summary>
internal sealed class BackgroundRuleLoad : IDisposable
{
    private readonly CancellationTokenSource _stopPrecompiling = new();
    private readonly Task<RuleSet> _rules;
    private int _errorsWritten;

    public BackgroundRuleLoad(IReadOnlyList<string> userDirectories, CancellationToken cancellationToken, Action? prepareReport = null)
    {
        CancellationToken stop = _stopPrecompiling.Token;
        _rules = Task.Run(() => RuleCatalogueLocation.Open(userDirectories, RuleCompilation.OnFirstUse), cancellationToken);
        _ = _rules.ContinueWith(loaded =>
            {
                RuleSet rules = loaded.Result;
                rules.Precompile(stop, RulePart.Conditions);
                prepareReport?.Invoke();
            },
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

    /// <summary>The first bundle has been diagnosed: what is not compiled yet is compiled when needed.</summary>
    public void StopPrecompiling() => _stopPrecompiling.Cancel();

    public void Dispose()
    {
        _stopPrecompiling.Cancel();
        _stopPrecompiling.Dispose();
    }
}
