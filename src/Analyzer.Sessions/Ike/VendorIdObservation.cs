namespace Analyzer.Sessions.Ike;

/// <summary>A Vendor ID payload: raw bytes as hex, the known name if any, printable text if any.</summary>
public sealed record VendorIdObservation(string Hex, string? Name, string? PrintableText, bool FromInitiator);
