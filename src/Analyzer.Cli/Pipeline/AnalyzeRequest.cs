using Analyzer.Reporting;

namespace Analyzer.Cli.Pipeline;

/// <summary>What <c>vpndiag analyze</c> was asked to do, after parsing.</summary>
internal sealed record AnalyzeRequest(
    IReadOnlyList<string> Inputs,
    string? Output,
    ReportFormat Format,
    IReadOnlyList<string> RuleDirectories,
    IReadOnlyList<string> KeyFiles,
    bool Redact,
    bool Quiet,
    bool Timings = false,
    int? Year = null,
    TimeSpan? LogZone = null);
