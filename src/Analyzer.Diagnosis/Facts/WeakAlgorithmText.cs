using Analyzer.Protocols.Ike.Registry;

namespace Analyzer.Diagnosis.Facts;

/// <summary>
/// How a weak algorithm is named in a finding, the same for captures and logs (decision 0005):
/// "3DES-CBC (SHOULD NOT, deprecated: RFC 8221 §5)", "MD5 (MUST NOT: RFC 8247 §3.2)".
/// </summary>
internal static class WeakAlgorithmText
{
    public static string Of(string name, JudgedAlgorithm judged) => judged.Requirement == AlgorithmRequirement.MustNot
        ? $"{name} (MUST NOT: {AlgorithmRequirements.Citation(judged.Source)})"
        : $"{name} (SHOULD NOT, deprecated: {AlgorithmRequirements.Citation(judged.Source)})";
}
