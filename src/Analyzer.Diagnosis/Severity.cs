namespace Analyzer.Diagnosis;

/// <summary>Ordered: ranking puts errors first.</summary>
public enum Severity : byte
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
