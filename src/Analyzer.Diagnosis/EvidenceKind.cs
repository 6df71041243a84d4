namespace Analyzer.Diagnosis;

/// <summary>
/// How a piece of evidence knows what it says: seen in the bytes or records (observed), or read
/// from the sizes, timing and direction of encrypted traffic (inferred), which the report marks.
/// </summary>
public enum EvidenceKind : byte
{
    Observed,
    Inferred,
}
