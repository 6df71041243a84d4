namespace Analyzer.Diagnosis.Facts;

/// <summary>How far one log's clock is from a capture's (subject <c>clock-offset</c>).</summary>
public sealed class ClockOffsetFacts : FactOrigin
{
    /// <summary>Log time minus capture time, seconds.</summary>
    public double OffsetSeconds { get; init; }
    public double AbsOffsetSeconds { get; init; }
    public int Pairs { get; init; }
    public string Log { get; init; } = "";
    public string Capture { get; init; } = "";
}
