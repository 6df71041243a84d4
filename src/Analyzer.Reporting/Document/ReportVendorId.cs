namespace Analyzer.Reporting.Document;

/// <summary>A Vendor ID by name where known, else as hex with any printable text; "from" is "initiator" or "responder".</summary>
public sealed record ReportVendorId(string From, string Hex, string? Name, string? Text);
