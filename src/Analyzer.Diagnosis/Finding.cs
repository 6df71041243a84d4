using Analyzer.Correlation.Attempts;

namespace Analyzer.Diagnosis;

/// <summary>A rule that fired: what it means here, what shows it, what to do, who acts.</summary>
public sealed class Finding
{
    public required string RuleId { get; init; }

    public required string Title { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>certificates, internet-devices, negotiation, l2tp-ppp, server-resources, events.</summary>
    public required string Category { get; init; }

    /// <summary>The seed cause it diagnoses: certificates, internet-devices, server-load, interoperability.</summary>
    public string? Cause { get; init; }

    /// <summary>Who has to act: network/firewall team, VPN server admin, client admin, certificate authority, vendor.</summary>
    public string? Owner { get; init; }

    /// <summary>One or two sentences about this case (rule summary template filled with the facts).</summary>
    public required string Summary { get; init; }

    public List<Evidence> Evidence { get; init; } = [];

    public List<string> Remediation { get; init; } = [];

    public List<string> References { get; init; } = [];

    /// <summary>Ids of other findings this one explains (ranked after it).</summary>
    public List<string> Explains { get; init; } = [];

    /// <summary>The attempt stages whose failure the finding's rule can explain (rule key <c>stages</c>).</summary>
    public IReadOnlyList<AttemptStage> Stages { get; init; } = [];

    /// <summary>Ids of findings that explain this one (ranked before it): read those first.</summary>
    public List<string> ExplainedBy { get; init; } = [];

    /// <summary>How many fact rows (SAs, flows, records...) matched; the summary describes the first.</summary>
    public int Occurrences { get; init; } = 1;

    /// <summary>Ids of the connection attempts the matching rows belong to (one finding per cause, however many attempts show it).</summary>
    public List<string> Attempts { get; init; } = [];
}
