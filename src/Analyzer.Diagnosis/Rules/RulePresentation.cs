namespace Analyzer.Diagnosis.Rules;

/// <summary>The compiled summary template and evidence items of a rule: needed only once it fires.</summary>
internal sealed record RulePresentation(FactTemplate Summary, IReadOnlyList<CompiledEvidence> Evidence);

/// <summary>One evidence item with its expressions compiled.</summary>
internal sealed record CompiledEvidence(
    Func<object, object?>? FramesOf, Func<object, object?>? RecordsOf, FactTemplate Text, FactTemplate? Filter, EvidenceKind Kind);
