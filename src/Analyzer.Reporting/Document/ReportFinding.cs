namespace Analyzer.Reporting.Document;

/// <summary>A rule that fired, with its evidence and what to do about it.</summary>
public sealed record ReportFinding
{
    public required string Rule { get; init; }

    public required string Title { get; init; }

    /// <summary>"info", "warning" or "error".</summary>
    public required string Severity { get; init; }

    public required string Category { get; init; }

    public string? Cause { get; init; }

    public string? Owner { get; init; }

    public required string Summary { get; init; }

    public IReadOnlyList<ReportEvidence> Evidence { get; init; } = [];

    public IReadOnlyList<string> Remediation { get; init; } = [];

    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Rule ids of other findings this one explains.</summary>
    public IReadOnlyList<string> Explains { get; init; } = [];

    /// <summary>Ids of the connection attempts this finding is about (<c>attempts[].id</c>).</summary>
    public IReadOnlyList<string> Attempts { get; init; } = [];
}
