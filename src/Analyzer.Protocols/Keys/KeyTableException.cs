namespace Analyzer.Protocols.Keys;

/// <summary>A key file that cannot be used at all: one line naming the file, the line and why.</summary>
public sealed class KeyTableException : Exception
{
    public KeyTableException()
    {
    }

    public KeyTableException(string message)
        : base(message)
    {
    }

    public KeyTableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public KeyTableException(string file, int line, string reason)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}: line {line}: {reason}"))
    {
        File = file;
        Line = line;
        Reason = reason;
    }

    public string? File { get; }

    public int Line { get; }

    public string? Reason { get; }
}
