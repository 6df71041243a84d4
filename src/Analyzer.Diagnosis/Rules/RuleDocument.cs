namespace Analyzer.Diagnosis.Rules;

/// <summary>
/// A rule file exactly as written (YAML, camelCase keys, in this order). Unknown keys are an error,
/// so a typo never silently disables part of a rule. <see cref="Rule"/> is the checked, compiled form.
/// </summary>
internal sealed class RuleDocument
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Status { get; set; }
    public string? Severity { get; set; }
    public string? Category { get; set; }
    public string? Cause { get; set; }
    public string? Owner { get; set; }
    public string? Description { get; set; }
    public string? Subject { get; set; }
    public string? Condition { get; set; }
    public string? Summary { get; set; }
    public List<RuleEvidenceDocument>? Evidence { get; set; }
    public RuleFromLogsDocument? FromLogs { get; set; }
    public List<string>? Remediation { get; set; }
    public List<string>? References { get; set; }
    public List<string>? Explains { get; set; }
    public List<string>? Stages { get; set; }
    public List<string>? Falsepositives { get; set; }
    public RuleExamplesDocument? Examples { get; set; }
}

/// <summary>One <c>evidence</c> item: an expression yielding frames or records, a text template, a display filter template.</summary>
internal sealed class RuleEvidenceDocument
{
    public string? Frames { get; set; }
    public string? Records { get; set; }
    public string? Text { get; set; }
    public string? Filter { get; set; }
    public string? Kind { get; set; }
}

/// <summary>The <c>examples</c> block: inputs (paths from the repository root) on which the rule must and must not fire.</summary>
internal sealed class RuleExamplesDocument
{
    public List<string>? MustFire { get; set; }
    public List<string>? MustNotFire { get; set; }
}

/// <summary>
/// The <c>fromLogs</c> block: the same diagnosis read from daemon logs alone (subject
/// <c>observation</c>), used when the rule's own subject has no matching row (a log-only bundle).
/// </summary>
internal sealed class RuleFromLogsDocument
{
    public string? Condition { get; set; }
    public string? Summary { get; set; }
    public List<RuleEvidenceDocument>? Evidence { get; set; }

    /// <summary>Steps for the log-only twin; when absent, the rule's steps that need no case values.</summary>
    public List<string>? Remediation { get; set; }
}
