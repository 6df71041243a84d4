using System.Globalization;

namespace Analyzer.EventLogs;

/// <summary>
/// A log file that cannot be read at all (wrong signature, truncated header, unreadable). Its
/// message is one line naming the file and offset; the CLI prints it and exits with 2.
/// </summary>
public sealed class EventLogReadException : Exception
{
    public EventLogReadException(string file, long offset, string reason)
        : base(string.Create(CultureInfo.InvariantCulture, $"{file}: offset 0x{offset:X}: {reason}"))
    {
        File = file;
        Offset = offset;
        Reason = reason;
    }

    public EventLogReadException()
    {
        File = string.Empty;
        Reason = string.Empty;
    }

    public EventLogReadException(string message)
        : base(message)
    {
        File = string.Empty;
        Reason = message;
    }

    public EventLogReadException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Reason = message;
    }

    public string File { get; }

    public long Offset { get; }

    public string Reason { get; }
}
