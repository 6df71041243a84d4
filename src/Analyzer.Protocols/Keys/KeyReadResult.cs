namespace Analyzer.Protocols.Keys;

/// <summary>What one key file gave: how many keys, and the lines that could not be used (line number, reason — never the key).</summary>
public sealed class KeyReadResult
{
    public int Keys { get; set; }

    public List<(int Line, string Reason)> Problems { get; } = [];

    internal void Problem(int line, string reason) => Problems.Add((line, reason));
}
