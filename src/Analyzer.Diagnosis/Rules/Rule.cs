namespace Analyzer.Diagnosis.Rules;

/// <summary>A loaded, checked and compiled rule. Conditions and templates were compiled once, at load.</summary>
public sealed class Rule
{
    internal Rule(Func<object, bool> matches, FactTemplate summary) 
    {
        Matches = matches;
        SummaryTemplate = summary;
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
    public IReadOnlyList<string> Remediation { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> Explains { get; init; } = [];
    public IReadOnlyList<string> FalsePositives { get; init; } = [];
    public IReadOnlyList<string> MustFire { get; init; } = [];
    public IReadOnlyList<string> MustNotFire { get; init; } = [];
    /// <summary>The file the rule came from, and the line of its id.</summary>
    public required string SourceFile { get; init; }
    public int SourceLine { get; init; }

    internal Func<object, bool> Matches { get; }

    internal FactTemplate SummaryTemplate { get; }
}
