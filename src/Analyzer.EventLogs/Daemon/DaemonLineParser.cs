using System.Globalization;
using System.Text.RegularExpressions;
using Analyzer.Core;

namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// Splits daemon log lines into time, host, daemon and message. Accepted shapes:
/// charon file logger (<c>Nov 24 10:33:32.629 05[NET] &lt;conn|1&gt; message</c>), syslog/journal
/// (<c>Nov 24 10:33:32 host charon[123]: 05[NET] ...</c>, <c>2026-11-24T10:33:32.1+00:00 host xl2tpd[9]: ...</c>),
/// and bare <c>xl2tpd[15028]: message</c> lines of a foreground daemon (no time).
/// </summary>
internal static partial class DaemonLineParser
{
    [GeneratedRegex(@"^(?<mon>[A-Z][a-z]{2}) +(?<day>\d{1,2}) (?<h>\d{2}):(?<m>\d{2}):(?<s>\d{2})(?:\.(?<frac>\d{1,9}))? ")]
    private static partial Regex SyslogTime();

    [GeneratedRegex(@"^(?<iso>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})?) ")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^(?<thread>\d{2})\[(?<group>[A-Z]{3})\] (?:<(?<conn>[^|>]*?)(?:\|(?<sa>\d+))?> )?(?<msg>.*)$")]
    private static partial Regex CharonBody();

    [GeneratedRegex(@"^(?<daemon>[A-Za-z][\w./-]*?)(?:\[(?<pid>\d+)\])?: (?<msg>.*)$")]
    private static partial Regex DaemonPrefix();

    [GeneratedRegex(@"^(?<host>[\w.-]+) (?<daemon>[A-Za-z][\w./-]*?)(?:\[(?<pid>\d+)\])?: (?<msg>.*)$")]
    private static partial Regex HostDaemonPrefix();

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static DaemonLine Parse(string line, int year, out Timestamp? time)
    {
        time = null;
        string rest = line;
        Match match = SyslogTime().Match(line);
        if (match.Success)
        {
            int month = Array.IndexOf(Months, match.Groups["mon"].Value) + 1;
            if (month > 0)
            {
                time = Compose(year, month, match);
                rest = line[match.Length..];
            }
        }
        else if ((match = IsoTime().Match(line)).Success)
        {
            if (Xml.EventXmlBuilder.TryParseIsoTime(match.Groups["iso"].Value.Replace(' ', 'T'), out Timestamp iso))
            {
                time = iso;
            }

            rest = line[match.Length..];
        }

        Match charon = CharonBody().Match(rest);
        if (charon.Success)
        {
            return FromCharon(null, "charon", null, charon);
        }

        Match prefixed = HostDaemonPrefix().Match(rest);
        if (!prefixed.Success || time is null)
        {
            Match bare = DaemonPrefix().Match(rest);
            if (bare.Success)
            {
                prefixed = bare;
            }
        }

        if (prefixed.Success)
        {
            string daemon = NormalizeDaemonName(prefixed.Groups["daemon"].Value);
            string? host = prefixed.Groups["host"].Success ? prefixed.Groups["host"].Value : null;
            string? pid = prefixed.Groups["pid"].Success ? prefixed.Groups["pid"].Value : null;
            string message = prefixed.Groups["msg"].Value;
            Match inner = CharonBody().Match(message);
            if (inner.Success)
            {
                return FromCharon(host, daemon, pid, inner);
            }

            return new DaemonLine(host, daemon, pid, null, null, null, null, message);
        }

        return new DaemonLine(null, "unknown", null, null, null, null, null, rest);
    }

    private static DaemonLine FromCharon(string? host, string daemon, string? pid, Match body)
    {
        // "<conn|7>" names the connection and the IKE SA's unique id; "<7>" (before a config matched) only the id.
        string? connection = body.Groups["conn"].Success && body.Groups["conn"].Length > 0 ? body.Groups["conn"].Value : null;
        string? saId = body.Groups["sa"].Success ? body.Groups["sa"].Value : null;
        if (saId is null && connection is not null && connection.All(char.IsAsciiDigit))
        {
            saId = connection;
            connection = null;
        }

        return new DaemonLine(host, daemon.StartsWith("charon", StringComparison.Ordinal) || daemon == "ipsec" ? "charon" : daemon,
            pid, body.Groups["thread"].Value, body.Groups["group"].Value, connection, saId, body.Groups["msg"].Value);
    }

    /// <summary>"/usr/sbin/pppd" → "pppd"; "charon-systemd" → "charon".</summary>
    private static string NormalizeDaemonName(string name)
    {
        int slash = name.LastIndexOf('/');
        string bare = slash >= 0 ? name[(slash + 1)..] : name;
        return bare.StartsWith("charon", StringComparison.Ordinal) ? "charon" : bare;
    }

    private static Timestamp? Compose(int year, int month, Match match)
    {
        int day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        int hour = int.Parse(match.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        int minute = int.Parse(match.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        int second = int.Parse(match.Groups["s"].ValueSpan, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return null;
        }

        long nanos = 0;
        byte digits = 0;
        if (match.Groups["frac"].Success)
        {
            string fraction = match.Groups["frac"].Value;
            digits = (byte)fraction.Length;
            nanos = long.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);
        }

        var whole = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Utc);
        return Timestamp.FromUnix((long)(whole - DateTime.UnixEpoch).TotalSeconds, nanos, digits);
    }
}
