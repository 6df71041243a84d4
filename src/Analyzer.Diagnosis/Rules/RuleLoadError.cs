using System.Globalization;

namespace Analyzer.Diagnosis.Rules;

/// <summary>Why a rule file could not be used: file, 1-based line (0 when unknown), reason. The other rules still run.</summary>
public sealed record RuleLoadError(string File, int Line, string Message)
{
    public override string ToString() =>
        Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}: {Message}") : $"{File}: {Message}";
}
