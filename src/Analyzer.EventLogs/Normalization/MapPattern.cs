using System.Text.RegularExpressions;

namespace Analyzer.EventLogs.Normalization;

/// <summary>
/// A regular expression from an event map. Map patterns come from data, so they cannot be
/// source-generated, and the faster engines cost much to build: a compiled pattern is emitted and
/// JIT-compiled, and under Native AOT (where <see cref="RegexOptions.Compiled"/> is ignored) the
/// non-backtracking engine builds its automata, about 5 ms and 3 MB of allocations a pattern. For
/// the few hundred lines of a ticket's logs that was most of the run (0.35 s for 63 KB of charon
/// logs), so a pattern starts interpreted, which also checks it when the map loads, and is rebuilt
/// for the faster engine once it has been tried on <see cref="Promotion"/> lines, where a large
/// log (a million lines) starts to gain from it.
/// </summary>
internal sealed class MapPattern
{
    /// <summary>Uses after which building the faster engine pays for itself.</summary>
    internal const int Promotion = 20_000;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly string _pattern;
    private Regex _regex;
    private int _uses;

    /// <summary>Parses the pattern now (an invalid one throws <see cref="ArgumentException"/>).</summary>
    public MapPattern(string pattern)
    {
        _pattern = pattern;
        _regex = new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
    }

    /// <summary>Whether the faster engine has replaced the interpreter (for tests).</summary>
    internal bool Promoted { get; private set; }

    public Match Match(string input)
    {
        // The count is a heuristic: a lost increment between threads only delays the promotion.
        if (++_uses == Promotion)
        {
            Promote();
        }

        return Volatile.Read(ref _regex).Match(input);
    }

    private void Promote()
    {
        Regex faster;
        try
        {
            faster = System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeCompiled
                ? new Regex(_pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout)
                : new Regex(_pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
        }
        catch (NotSupportedException)
        {
            // A construct the non-backtracking engine cannot run (a backreference): stays interpreted.
            return;
        }

        Volatile.Write(ref _regex, faster);
        Promoted = true;
    }
}
