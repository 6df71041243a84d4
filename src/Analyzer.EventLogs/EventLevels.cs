namespace Analyzer.EventLogs;

/// <summary>
/// The levels a record's <see cref="EventRecord.Level"/> can carry: the syslog severities (RFC 5424
/// §6.2.1, by number, as a priority or journald's PRIORITY gives them) and the names Windows and the
/// daemons write.
/// </summary>
public static class EventLevels
{
    /// <summary>The syslog severities by number, 0 (emergency) to 7 (debug).</summary>
    public static IReadOnlyList<string> Syslog { get; } = ["emerg", "alert", "crit", "err", "warning", "notice", "info", "debug"];

    /// <summary>
    /// Warning or worse, by name: syslog's err/warning/crit/alert/emerg and Windows' Error, Warning
    /// and Critical (the names start alike).
    /// </summary>
    public static bool IsWarningOrWorse(string? level) => level is not null
        && (level.StartsWith("err", StringComparison.OrdinalIgnoreCase) || level.StartsWith("warn", StringComparison.OrdinalIgnoreCase)
            || level.StartsWith("crit", StringComparison.OrdinalIgnoreCase) || level.StartsWith("alert", StringComparison.OrdinalIgnoreCase)
            || level.StartsWith("emerg", StringComparison.OrdinalIgnoreCase));
}
