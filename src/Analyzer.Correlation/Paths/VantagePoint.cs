namespace Analyzer.Correlation.Paths;

/// <summary>A capture's place on the path: "client", "server" or "between".</summary>
public sealed record VantagePoint(int InputIndex, string Role, string Reason);
