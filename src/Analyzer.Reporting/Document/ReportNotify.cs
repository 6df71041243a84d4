namespace Analyzer.Reporting.Document;

/// <summary>A notify seen in an SA: number, RFC name, sender, whether it is an error type.</summary>
public sealed record ReportNotify(long Frame, string Time, int Type, string Name, string From, bool Encrypted, bool Error, string? Detail);

/// <summary>A Delete payload: protocol and SPIs.</summary>
public sealed record ReportDelete(long Frame, string From, string Protocol, IReadOnlyList<string> Spis);

/// <summary>Something odd about a message, kept as evidence (kind in kebab case).</summary>
public sealed record ReportAnomaly(long Frame, string Kind, string Detail);
