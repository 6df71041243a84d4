namespace Analyzer.Diagnosis.Rules;

/// <summary>The compiled parts of a rule, for <see cref="RuleSet.Precompile"/>.</summary>
[Flags]
public enum RulePart
{
    /// <summary>The condition, which every row of the subject is evaluated against.</summary>
    Conditions = 1,

    /// <summary>The summary and evidence templates, needed only when the rule fires.</summary>
    Presentation = 2,
}
