using Analyzer.Cli.Commands;
using Analyzer.Diagnosis.Rules;

namespace Analyzer.Cli.Pipeline;

/// <summary>
/// The rules of one <c>analyze</c> run, read on a spare core while the inputs are read: the built-in
/// catalogue compiles each expression when first needed, and that core compiles conditions ahead of
/// need until the first bundle's rules have been evaluated (docs/decisions/0002). Summaries and
/// evidence are compiled ahead only when the captures are large (<see cref="CompileSummariesAhead"/>):
/// compiling every rule's ahead of need cost more CPU than the rest of a small run's diagnosis, on a
/// machine whose other core is rarely idle (docs/performance.md, run 1b of issue 21), but left to the
/// rules that fire they were compiled on the main thread after the facts, 30 ms of a 200 MB run's wall
/// time, while reading a large capture leaves the spare core idle for longer than compiling them all takes
/// (docs/performance.md, issue 18's performance clause). Load errors are written once. Other start-up
/// work the run will need later (<c>prepareReport</c>: the JSON serializer's metadata) follows on the
/// same core once the conditions are compiled.
/// </summary>
internal sealed class BackgroundRuleLoad : IDisposable
{
    private readonly CancellationTokenSource _stopPrecompiling = new();
    private readonly Task<RuleSet> _rules;
    private readonly TaskCompletionSource<bool> _summariesAhead = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _errorsWritten;

    /// <summary>
    /// Captures of at least this many bytes in all keep the main core reading longer than the spare
    /// one takes to compile every summary and evidence expression (docs/performance.md).
    /// </summary>
    public const long LargeCaptureBytes = 32L * 1024 * 1024;

    public BackgroundRuleLoad(IReadOnlyList<string> userDirectories, CancellationToken cancellationToken, Action? prepareReport = null)
    {
        CancellationToken stop = _stopPrecompiling.Token;
        _rules = Task.Run(() => RuleCatalogueLocation.Open(userDirectories, RuleCompilation.OnFirstUse), cancellationToken);
        Task conditions = _rules.ContinueWith(loaded =>
            {
                RuleSet rules = loaded.Result;
                rules.Precompile(stop, RulePart.Conditions);
                prepareReport?.Invoke();
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        _ = Task.WhenAll(conditions, _summariesAhead.Task).ContinueWith(_ =>
            {
                if (_summariesAhead.Task.Result)
                {
                    _rules.Result.Precompile(stop, RulePart.Presentation);
                }
            },
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    /// <summary>
    /// Once the inputs are known: whether the spare core also compiles summaries and evidence ahead of
    /// need (true for <see cref="LargeCaptureBytes"/> of captures or more), after the conditions.
    /// </summary>
    public void CompileSummariesAhead(bool ahead) => _summariesAhead.TrySetResult(ahead);

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
        _summariesAhead.TrySetResult(false);
        _stopPrecompiling.Cancel();
        _stopPrecompiling.Dispose();
    }
}
