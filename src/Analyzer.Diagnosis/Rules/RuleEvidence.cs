namespace Analyzer.Diagnosis.Rules;

/// <summary>One compiled evidence item of a rule: what to cite for a matching fact row, and how to describe it.</summary>
public sealed class RuleEvidence
{
    internal RuleEvidence(string? frames, string? records, string text, string? filter,
        Func<object, object?>? framesOf, Func<object, object?>? recordsOf, FactTemplate textTemplate, FactTemplate? filterTemplate)
    {
        Frames = frames;
        Records = records;
        Text = text;
        Filter = filter;
        FramesOf = framesOf;
        RecordsOf = recordsOf;
        TextTemplate = textTemplate;
        FilterTemplate = filterTemplate;
    }

    /// <summary>Expression yielding a FrameRef or a list of them.</summary>
    public string? Frames { get; }

    /// <summary>Expression yielding an EventRecord or a list of them.</summary>
    public string? Records { get; }

    public string Text { get; }

    public string? Filter { get; }

    internal Func<object, object?>? FramesOf { get; }

    internal Func<object, object?>? RecordsOf { get; }

    internal FactTemplate TextTemplate { get; }

    internal FactTemplate? FilterTemplate { get; }
}
