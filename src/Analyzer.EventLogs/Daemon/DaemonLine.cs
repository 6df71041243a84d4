namespace Analyzer.EventLogs.Daemon;

/// <summary>One parsed daemon log line: host, daemon, process id, charon thread/group/connection, message, and what the line says of its time.</summary>
internal readonly record struct DaemonLine(
    string? Host, string Daemon, string? ProcessId, string? Thread, string? Group, string? Connection, string? IkeSaId, string Message)
{
    /// <summary>The line's own time, as far as it goes; null when it has none.</summary>
    public PartialTime? Time { get; init; }

    /// <summary>How the line was written (<see cref="DaemonLineFormat"/>).</summary>
    public string Format { get; init; } = DaemonLineFormat.Plain;

    /// <summary>charon's log level (0-4) when logged (<c>log_level = yes</c>, journal LEVEL, JSON), else the syslog severity name.</summary>
    public string? Level { get; init; }

    /// <summary>A time prefix in a shape not understood (a custom charon <c>time_format</c>), kept as text.</summary>
    public string? TimeText { get; init; }
}

/// <summary>The line shapes <see cref="DaemonLineParser"/> tells apart (shown by <c>vpndiag events</c>).</summary>
internal static class DaemonLineFormat
{
    /// <summary>charon's file logger: <c>[time ]NN[GRP[level]][ &lt;name|id&gt;] message</c>.</summary>
    public const string CharonFile = "charon-filelog";

    /// <summary>charon's file logger with <c>json = yes</c>.</summary>
    public const string CharonJson = "charon-json";

    /// <summary>BSD syslog as rsyslog and <c>journalctl -o short/short-precise/short-iso/short-unix</c> write it: <c>time host daemon[pid]: message</c>.</summary>
    public const string Syslog = "syslog";

    /// <summary>RFC 5424: <c>&lt;PRI&gt;1 time host app procid msgid [sd] message</c>.</summary>
    public const string Rfc5424 = "rfc5424";

    /// <summary><c>journalctl -o json</c>: one JSON object per line.</summary>
    public const string JournalJson = "journal-json";

    /// <summary>A daemon in the foreground (<c>xl2tpd -D</c>): <c>daemon[pid]: message</c>, no time.</summary>
    public const string Foreground = "foreground";

    /// <summary>Libreswan pluto's own <c>logfile=</c> with <c>logtime=yes</c>: <c>Mmm dd hh:mm:ss.uuuuuu: message</c>.</summary>
    public const string PlutoFile = "pluto-logfile";

    /// <summary>A bare message (pppd's <c>logfile</c>, a continuation line).</summary>
    public const string Plain = "plain";
}
