using System.Text.Json.Serialization;
using Analyzer.Reporting.Document;
using Analyzer.Reporting.Redaction;

namespace Analyzer.Reporting;

/// <summary>
/// The JSON report contract as C# records (docs/report-schema.md). Built once from a case and its
/// diagnosis; every format is rendered from it, so Markdown, HTML, JSON and CSV always agree (and a
/// redacted document redacts all of them alike). Strings are raw input text: writers escape them.
/// </summary>
public sealed record ReportDocument
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required ReportTool Tool { get; init; }

    /// <summary>When the report was made (ISO 8601 UTC).</summary>
    public required string GeneratedAt { get; init; }

    /// <summary>True when host names, user names, addresses and certificate subjects were replaced by pseudonyms.</summary>
    public bool Redacted { get; init; }

    /// <summary>The most likely cause in one sentence; null when nothing was found.</summary>
    public ReportVerdict? Verdict { get; init; }

    public IReadOnlyList<ReportInput> Inputs { get; init; } = [];

    /// <summary>Reading problems that name no input of this report.</summary>
    public IReadOnlyList<ReportWarning> Warnings { get; init; } = [];

    public IReadOnlyList<ReportFinding> Findings { get; init; } = [];

    /// <summary>Rule files or rules that could not be used; the other rules still ran.</summary>
    public IReadOnlyList<string> RuleErrors { get; init; } = [];

    public IkeReport Ike { get; init; } = new();

    public EspReport Esp { get; init; } = new();

    public L2tpReport L2tp { get; init; } = new();

    public PptpReport Pptp { get; init; } = new();

    public EventsReport Events { get; init; } = new();

    public IReadOnlyList<ReportTimelineEntry> Timeline { get; init; } = [];

    public IReadOnlyList<ReportPath> Paths { get; init; } = [];

    /// <summary>
    /// For a redacted document: the originals its pseudonyms replaced, which <see cref="ReportWriter"/>
    /// searches every rendered output for before writing it. Not part of the JSON.
    /// </summary>
    [JsonIgnore]
    public LeakCheck? LeakCheck { get; init; }
}
