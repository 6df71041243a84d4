using Analyzer.Correlation.Attempts;

namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// A loaded and checked rule. Its expressions are compiled once: at load, or (<see cref="RuleCompilation.OnFirstUse"/>)
/// the condition when first evaluated and the summary and evidence when the rule first fires.
/// </summary>
public sealed class Rule
{
    private readonly Lazy<Func<object, bool>> _matches;
    private readonly Lazy<RulePresentation> _presentation;
    private readonly Lazy<Dictionary<string, int>> _keyLines;
    private bool _conditionTried;

    internal Rule(Type factType, Lazy<Dictionary<string, int>> keyLines)
    {
        FactType = factType;
        _keyLines = keyLines;
        _matches = new Lazy<Func<object, bool>>(CompileCondition);
        _presentation = new Lazy<RulePresentation>(CompilePresentation);
    }

    public required string Id { get; init; }
    public required string Title { get; init; }
    /// <summary>stable, test or experimental.</summary>
    public required string Status { get; init; }
    public required Severity Severity { get; init; }
    public required string Category { get; init; }
    public required string Cause { get; init; }
    public required string Owner { get; init; }
    public required string Description { get; init; }
    /// <summary>What the condition iterates: sa, exchange, flow, tunnel, ppp, pptp, event, path-direction, translation, clock-offset, case.</summary>
    public required string Subject { get; init; }
    public required string Condition { get; init; }
    public required string Summary { get; init; }
    public IReadOnlyList<RuleEvidence> Evidence { get; init; } = [];
    /// <summary>Steps as written: templates over the subject's facts, each optionally guarded by a leading <c>{?condition}</c>.</summary>
    public IReadOnlyList<string> Remediation { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> Explains { get; init; } = [];
    /// <summary>
    /// The attempt stages whose failure this rule can explain (key <c>stages</c>): the attempts table
    /// names a finding as a failed attempt's cause only when its rule lists the failed stage, so a
    /// symptom seen beside a failure (weak algorithms beside an unanswered IKE_SA_INIT) is not read as its cause.
    /// </summary>
    public IReadOnlyList<AttemptStage> Stages { get; init; } = [];
    public IReadOnlyList<string> FalsePositives { get; init; } = [];
    public IReadOnlyList<string> MustFire { get; init; } = [];
    public IReadOnlyList<string> MustNotFire { get; init; } = [];
    /// <summary>
    /// The same diagnosis from daemon logs alone (subject <c>observation</c>, same id and texts),
    /// evaluated when this rule's own subject has no matching row.
    /// </summary>
    public Rule? FromLogs { get; init; }

    /// <summary>The file the rule came from, and the line of its id.</summary>
    public required string SourceFile { get; init; }
    public int SourceLine { get; init; }

    internal Type FactType { get; }

    /// <summary>A remediation step as written, split into its guard (null when it always applies) and its text.</summary>
    public static (string? Guard, string Text) SplitStep(string step) => RuleExpressionCompiler.SplitGuard(step);

    /// <summary>Top-level keys and their lines, for errors found after load.</summary>
    internal IReadOnlyDictionary<string, int> KeyLines => _keyLines.Value;

    /// <summary>The compiled condition; throws <see cref="RuleCompileException"/> when it does not compile.</summary>
    internal Func<object, bool> Matches => _matches.Value;

    /// <summary>Whether the condition has been compiled (or tried), for tests of on-first-use compilation.</summary>
    internal bool ConditionCompiled => Volatile.Read(ref _conditionTried);

    /// <summary>The compiled summary and evidence; throws <see cref="RuleCompileException"/> when they do not compile.</summary>
    internal RulePresentation Presentation => _presentation.Value;

    /// <summary>Whether the summary and evidence have been compiled, for tests of on-first-use compilation.</summary>
    internal bool PresentationCompiled => _presentation.IsValueCreated;

    /// <summary>Compiles everything now; false (with every error, by file and line) when something does not compile.</summary>
    internal bool TryCompile(List<RuleLoadError> errors)
    {
        int before = errors.Count;
        try
        {
            _ = Matches;
        }
        catch (RuleCompileException error)
        {
            errors.AddRange(error.Errors);
        }

        try
        {
            _ = Presentation;
        }
        catch (RuleCompileException error)
        {
            errors.AddRange(error.Errors);
        }

        FromLogs?.TryCompile(errors);
        return errors.Count == before;
    }

    private Func<object, bool> CompileCondition()
    {
        Volatile.Write(ref _conditionTried, true);
        return Compiled(fail => RuleExpressionCompiler.Condition(FactType, Condition, fail));
    }

    private RulePresentation CompilePresentation() => Compiled(fail => RuleExpressionCompiler.Presentation(FactType, Summary, Evidence, Remediation, fail));

    private T Compiled<T>(Func<Action<string, string>, T?> compile)
        where T : class
    {
        List<RuleLoadError> errors = [];
        T? compiled = compile((key, message) => errors.Add(new RuleLoadError(SourceFile, KeyLines.GetValueOrDefault(key, SourceLine), message)));
        return compiled is not null && errors.Count == 0 ? compiled : throw new RuleCompileException(errors);
    }
}
