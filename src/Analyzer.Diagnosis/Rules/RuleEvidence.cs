namespace Analyzer.Diagnosis.Rules;

/// <summary>One evidence item of a rule, as written: what to cite for a matching fact row, and how to describe it.</summary>
public sealed class RuleEvidence
{
    internal RuleEvidence(string? frames, string? records, string text, string? filter, EvidenceKind kind = EvidenceKind.Observed)
    {
        Kind = kind;
        Frames = frames;
        Records = records;
        Text = text;
        Filter = filter;
    }

    /// <summary>Expression yielding a FrameRef or a list of them.</summary>
    public string? Frames { get; }

    /// <summary>Expression yielding an EventRecord or a list of them.</summary>
    public string? Records { get; }

    public string Text { get; }

    public string? Filter { get; }

    /// <summary>Inferred items cite the shape of encrypted traffic, not its content.</summary>
    public EvidenceKind Kind { get; }
}
