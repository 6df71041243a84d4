using Analyzer.Correlation.Attempts;

namespace Analyzer.Diagnosis.Rules;

/// <summary>The compiled summary template, evidence items and remediation steps of a rule: needed only once it fires.</summary>
internal sealed record RulePresentation(FactTemplate Summary, IReadOnlyList<CompiledEvidence> Evidence, IReadOnlyList<RemediationStep> Steps);

/// <summary>
/// One remediation step: a template filled from the case's values, kept only where its guard holds
/// (written <c>{?condition}text</c>), so that an ESP drop never gets a step about UDP 4500.
/// </summary>
internal sealed record RemediationStep(Func<object, bool>? When, FactTemplate Text);

/// <summary>One evidence item with its expressions compiled.</summary>
internal sealed record CompiledEvidence(
    Func<object, object?>? FramesOf, Func<object, object?>? RecordsOf, FactTemplate Text, FactTemplate? Filter, EvidenceKind Kind);
