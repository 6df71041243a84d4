namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// Where a fact row comes from: the input (by index and display name) and, when several captures
/// of one conversation were lined up, that capture's place on the path.
/// </summary>
public abstract class FactOrigin
{
    /// <summary>Index of the input the row was built from (<see cref="Analyzer.Core.AnalysisInput.Index"/>).</summary>
    public int InputIndex { get; init; }

    /// <summary>The input's display name (path as given, or bundle-relative).</summary>
    public string Input { get; init; } = "";

    /// <summary>"client", "server", "between" when path comparison placed the capture; else "capture" (or "log").</summary>
    public string Vantage { get; init; } = "capture";

    /// <summary>Id of the connection attempt this row belongs to ("A1"), or null when it belongs to none.</summary>
    public string? Attempt { get; set; }
}
