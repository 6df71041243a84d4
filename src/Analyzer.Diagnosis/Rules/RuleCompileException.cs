namespace Analyzer.Diagnosis.Rules;

/// <summary>A rule whose expressions do not compile; <see cref="Errors"/> holds each with file and line.</summary>
public sealed class RuleCompileException : Exception
{
    public RuleCompileException(IReadOnlyList<RuleLoadError> errors)
        : base(string.Join("; ", errors))
    {
        Errors = errors;
    }

    public RuleCompileException()
    {
        Errors = [];
    }

    public RuleCompileException(string message)
        : base(message)
    {
        Errors = [];
    }

    public RuleCompileException(string message, Exception inner)
        : base(message, inner)
    {
        Errors = [];
    }

    public IReadOnlyList<RuleLoadError> Errors { get; }
}
