namespace Analyzer.Reporting.Batch;

/// <summary>The batch summary as JSON: one entry per bundle, sorted by bundle name.</summary>
public sealed record BatchSummaryDocument(int SchemaVersion, string GeneratedAt, IReadOnlyList<BatchEntry> Bundles);
