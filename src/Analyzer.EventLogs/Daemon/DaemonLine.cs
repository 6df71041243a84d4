namespace Analyzer.EventLogs.Daemon;

/// <summary>One parsed daemon log line: time text, host, daemon, process id, charon thread/group/connection, message.</summary>
internal readonly record struct DaemonLine(
    string? Host, string Daemon, string? ProcessId, string? Thread, string? Group, string? Connection, string? IkeSaId, string Message);
