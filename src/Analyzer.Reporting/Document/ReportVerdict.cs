namespace Analyzer.Reporting.Document;

/// <summary>The top of the report: the most likely cause in one sentence, how bad, and the first thing to do.</summary>
/// <param name="Severity">"info", "warning" or "error"; "ok" when nothing was found.</param>
/// <param name="Rule">The finding it comes from; null when nothing was found.</param>
public sealed record ReportVerdict(string Severity, string? Rule, string Title, string Sentence, string? FirstAction);
