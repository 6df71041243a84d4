namespace Analyzer.Reporting.Document;

/// <summary>An ID payload: "from" is "initiator" or "responder"; type as RFC 2407 names it.</summary>
public sealed record ReportIdentity(long Frame, string From, string Type, string Value, int Protocol, int Port);
