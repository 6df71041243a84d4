namespace Analyzer.Diagnosis.Rules;

/// <summary>When a rule's condition, summary and evidence expressions are compiled.</summary>
public enum RuleCompilation
{
    /// <summary>At load: every expression error is reported before anything runs (user rules, <c>rules test</c>, <c>explain</c>).</summary>
    AtLoad,

    /// <summary>
    /// At first use: the condition when the rule's subject has rows, summary and evidence when it fires.
    /// For the built-in catalogue in <c>analyze</c>, whose expressions <c>dotnet test</c> and <c>rules test</c>
    /// already compile: most rules never meet a row of their subject, and compiling ~200 expressions
    /// dominates a small run's start-up (docs/performance.md).
    /// </summary>
    OnFirstUse,
}
