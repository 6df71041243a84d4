namespace Analyzer.Capture;

/// <summary>
/// The whole file cannot be read as a capture (unknown format, empty, header cut short). Everything
/// less than that is an <see cref="Core.InputDiagnostic"/> and reading goes on. The message is one
/// line naming the file and the offset, ready for the CLI's stderr.
/// </summary>
public sealed class CaptureFormatException : Exception
{
    public CaptureFormatException()
    {
    }

    public CaptureFormatException(string message)
        : base(message)
    {
    }

    public CaptureFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CaptureFormatException(string file, long offset, string reason)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{file}: offset 0x{offset:X}: {reason}"))
    {
        File = file;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>The input as the user named it.</summary>
    public string? File { get; }

    public long Offset { get; }

    /// <summary>What is wrong, without the file and offset; null when the file could not be opened at all.</summary>
    public string? Reason { get; }
}
