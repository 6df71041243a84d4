namespace Analyzer.Diagnosis.Rules;

/// <summary>A directory of rule files and when its expressions are compiled.</summary>
public readonly record struct RuleDirectory(string Path, RuleCompilation Compilation = RuleCompilation.AtLoad);
