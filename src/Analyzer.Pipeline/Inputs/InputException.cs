namespace Analyzer.Pipeline.Inputs;

/// <summary>An input that cannot be used at all: the CLI prints <see cref="Exception.Message"/> as one line and exits 2.</summary>
public sealed class InputException : Exception
{
    public InputException(string message)
        : base(message)
    {
    }

    public InputException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InputException()
    {
    }
}
