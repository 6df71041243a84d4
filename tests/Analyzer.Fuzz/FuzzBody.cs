namespace Analyzer.Fuzz;

/// <summary>One fuzz target's body: runs the input through vpndiag and throws only on a vpndiag bug.</summary>
public delegate void FuzzBody(ReadOnlySpan<byte> input);
