namespace Analyzer.Reporting.Redaction;

/// <summary>A redacted report still held an original value; its message is the one line the CLI prints.</summary>
public sealed class RedactionLeakException : Exception
{
    public RedactionLeakException()
    {
    }

    public RedactionLeakException(string message)
        : base(message)
    {
    }

    public RedactionLeakException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
