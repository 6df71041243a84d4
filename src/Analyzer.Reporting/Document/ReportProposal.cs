namespace Analyzer.Reporting.Document;

/// <summary>One transform as offered or chosen, with every attribute named.</summary>
public sealed record ReportProposal
{
    public int Proposal { get; init; }

    public int Transform { get; init; }

    public required string Protocol { get; init; }

    public required string Summary { get; init; }

    public string? Encryption { get; init; }

    public int? KeyLength { get; init; }

    public string? Hash { get; init; }

    public string? Authentication { get; init; }

    public string? DhGroup { get; init; }

    public string? Prf { get; init; }

    public long? LifetimeSeconds { get; init; }

    public string? EncapsulationMode { get; init; }

    public IReadOnlyList<ReportAttribute> Attributes { get; init; } = [];
}

public sealed record ReportAttribute(string Name, string Value);
