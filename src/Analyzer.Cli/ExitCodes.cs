namespace Analyzer.Cli;

/// <summary>The CLI contract's exit codes (scripts rely on them).</summary>
internal static class ExitCodes
{
    /// <summary>Analysed; no warning or error finding.</summary>
    public const int Clean = 0;

    /// <summary>Analysed; at least one warning or error finding.</summary>
    public const int Findings = 1;

    /// <summary>Nothing could be analysed: usage error, unreadable or unsupported input.</summary>
    public const int NothingAnalysed = 2;
}
