using System.CommandLine;
using Analyzer.EventLogs;

namespace Analyzer.Cli.Commands;

/// <summary><c>--year</c> and <c>--log-tz</c>: what completes daemon log times that lack a year or a zone (analyze and events).</summary>
internal static class LogTimeOptions
{
    public static Option<int?> Year() => new("--year")
    {
        Description = "Year for log lines that carry none (syslog, charon %b %e %T). Default: the captures' year, else the file's modification year.",
    };

    public static Option<string?> Zone()
    {
        var option = new Option<string?>("--log-tz")
        {
            Description = "Time zone of log times that carry none: UTC, +01:00, -0530 or a zone id (Europe/Berlin). Default: UTC, and the clock offset against the captures absorbs the difference.",
        };
        option.Validators.Add(result =>
        {
            string? text = result.GetValueOrDefault<string?>();
            if (text is not null && !LogTimeHints.TryParseZone(text, DateTime.UtcNow, out _))
            {
                result.AddError($"--log-tz: '{text}' is not a time zone (UTC, +01:00, -0530, Europe/Berlin)");
            }
        });
        return option;
    }

    public static TimeSpan? ZoneOf(string? text) =>
        text is not null && LogTimeHints.TryParseZone(text, DateTime.UtcNow, out TimeSpan offset) ? offset : null;
}
