namespace Analyzer.Reporting.Document;

public sealed record ReportTool(string Name, string Version);
