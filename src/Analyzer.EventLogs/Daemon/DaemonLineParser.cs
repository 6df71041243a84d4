using System.Text.RegularExpressions;

namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// Splits a daemon log line into time, host, daemon and message, whatever wrote it: charon's file
/// logger with any <c>time_format</c> (or none), <c>ike_name</c> and <c>log_level</c>
/// (<c>Nov 24 10:33:32.629 05[NET] &lt;conn|1&gt; message</c>, <c>10:33:32 05[IKE1] ...</c>,
/// <c>05[NET] ...</c>), charon's JSON file logger, BSD syslog and the journal's short outputs
/// (<c>Nov 24 10:33:32 host charon[123]: 05[NET] ...</c>, with a <c>&lt;PRI&gt;</c>, ISO times, or
/// <c>charon:</c> without a pid), RFC 5424, <c>journalctl -o json</c>, a foreground daemon's
/// <c>xl2tpd[15028]: message</c>, and bare messages (pppd's own log file). Never throws on input.
/// </summary>
internal static partial class DaemonLineParser
{
    /// <summary>Daemons whose lines are kept from a syslog that mixes every program (the others are counted, not kept).</summary>
    private static readonly HashSet<string> Vpn = new(StringComparer.Ordinal)
    {
        "charon", "pluto", "ipsec", "ipsec_starter", "starter", "swanctl", "xl2tpd", "l2tpd", "openl2tpd", "pppd",
        "strongswan", "libreswan", "whack", "addconn", "_stackmanager", "_updown",
    };

    // charon's prefix (file_logger.c, sys_logger.c): "%.2d[%N%d]" thread and group (+ level with
    // log_level), then " <name|unique id>" or " <unique id>" with ike_name, then a space.
    [GeneratedRegex(@"^(?<thread>\d{2,3})\[(?<group>[A-Z]{3})(?<level>[0-4])?\](?: <(?<conn>[^|>]*?)(?:\|(?<sa>\d+))?>)? (?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CharonBody();

    // The same prefix after a time in a shape LineTimeReader does not know (a custom time_format).
    [GeneratedRegex(@"^(?<time>[^\[\]]{1,64}?) (?<body>\d{2,3}\[[A-Z]{3}[0-4]?\](?: <[^>]*>)? .*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CharonAfterUnknownTime();

    [GeneratedRegex(@"\G(?<stamp>\[ *\d{1,10}\.\d{1,9}\]) ", RegexOptions.CultureInvariant)]
    internal static partial Regex MonotonicStamp();

    [GeneratedRegex(@"^(?<daemon>[A-Za-z_/][\w./-]{0,63}?)(?:\[(?<pid>\d{1,10})\])?: (?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex DaemonPrefix();

    [GeneratedRegex(@"^(?<host>[\w.-]{1,255}?) (?<daemon>[A-Za-z_/][\w./-]{0,63}?)(?:\[(?<pid>\d{1,10})\])?: ?(?<msg>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex HostDaemonPrefix();


    /// <summary>Whether a daemon name (as <see cref="Parse"/> returns it) is one whose lines vpndiag keeps.</summary>
    public static bool IsVpnDaemon(string daemon) => Vpn.Contains(daemon) || daemon == "unknown";

    /// <summary>Whether a line has a daemon log's shape (for sniffing a file's kind).</summary>
    public static bool IsDaemonShaped(string line)
    {
        DaemonLine parsed = Parse(line);
        return parsed.Format != DaemonLineFormat.Plain || (parsed.Time is not null && parsed.Message.Length > 0 && char.IsLetter(parsed.Message[0]))
            || DaemonByContent.Guess(parsed.Message) is not null;
    }

    public static DaemonLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.StartsWith('{'))
        {
            return JournalJsonLine.TryParse(line, out DaemonLine json) ? json : Plain(line, null);
        }

        int position = 0;
        string? severity = null;
        if (TryPriority(line, out int priority, out int afterPriority))
        {
            severity = EventLevels.Syslog[priority & 7];
            position = afterPriority;
            if (line.AsSpan(position).StartsWith("1 "))
            {
                return Rfc5424(line, position + 2, severity);
            }
        }

        // journalctl -o short-monotonic: "[ 1234.567890] host daemon[pid]: ..." counts seconds since
        // boot, no wall clock; the stamp is kept as text, and the line is read as the syslog it wraps.
        string? monotonic = null;
        if (MonotonicStamp().Match(line, position) is { Success: true } stamp && stamp.Index == position)
        {
            monotonic = stamp.Groups["stamp"].Value;
            position += stamp.Length;
        }

        PartialTime? time = null;
        if (monotonic is null && LineTimeReader.TryRead(line.AsSpan(position), out PartialTime read, out int consumed))
        {
            time = read;
            position += consumed;
        }

        string rest = position == 0 ? line : line[position..];

        // Only pluto's own log file ends its time with a colon ("Dec  7 05:24:52.043798: ..."): what
        // follows is pluto's message, never "host daemon:" ("FIPS Mode: NO" is not a host and a program).
        if (time is not null && position >= 2 && line[position - 2] == ':' && line[position - 1] == ' ')
        {
            return new DaemonLine(null, "pluto", null, null, null, null, null, rest) { Time = time, Format = DaemonLineFormat.PlutoFile, Level = severity };
        }

        Match charon = CharonBody().Match(rest);
        if (charon.Success)
        {
            return FromCharon(null, "charon", null, charon) with { Time = time, Format = DaemonLineFormat.CharonFile };
        }

        if (Prefixed(rest, time is not null || monotonic is not null) is DaemonLine prefixed)
        {
            return prefixed with
            {
                Time = time, TimeText = monotonic, Level = prefixed.Level ?? severity,
                Format = time is null && monotonic is null ? DaemonLineFormat.Foreground : DaemonLineFormat.Syslog,
            };
        }

        if (time is null && CharonAfterUnknownTime().Match(rest) is { Success: true } custom
            && CharonBody().Match(custom.Groups["body"].Value) is { Success: true } body)
        {
            return FromCharon(null, "charon", null, body) with { Format = DaemonLineFormat.CharonFile, TimeText = custom.Groups["time"].Value };
        }

        return Plain(rest, time) with { Level = severity };
    }

    /// <summary>Splits <c>[host ]daemon[pid]: message</c>; the charon prefix inside the message is split too.</summary>
    private static DaemonLine? Prefixed(string rest, bool timed)
    {
        // With a time, "host daemon[pid]:" first (syslog); without, a foreground "daemon[pid]:".
        Match match = timed ? HostDaemonPrefix().Match(rest) : Match.Empty;
        if (!match.Success || !Plausible(match, timed))
        {
            match = DaemonPrefix().Match(rest);
            if (!match.Success || !Plausible(match, timed))
            {
                return null;
            }
        }

        string daemon = NormalizeDaemonName(match.Groups["daemon"].Value);
        string? host = match.Groups["host"].Success ? match.Groups["host"].Value : null;
        string? pid = match.Groups["pid"].Success ? match.Groups["pid"].Value : null;
        return Split(host, daemon, pid, match.Groups["msg"].Value);
    }

    /// <summary>
    /// A pppd message such as "Connect: ppp0 &lt;--&gt; /dev/pts/1" looks like "daemon: message": without
    /// a host (or without a time) the tag must carry a pid or name a daemon vpndiag knows.
    /// </summary>
    private static bool Plausible(Match match, bool timed) =>
        (timed && match.Groups["host"].Success) || match.Groups["pid"].Success || Vpn.Contains(NormalizeDaemonName(match.Groups["daemon"].Value));

    internal static DaemonLine Split(string? host, string daemon, string? pid, string message)
    {
        Match inner = CharonBody().Match(message);
        if (inner.Success && (daemon == "charon" || daemon == "ipsec" || daemon == "strongswan" || daemon == "unknown"))
        {
            return FromCharon(host, daemon, pid, inner);
        }

        return new DaemonLine(host, daemon, pid, null, null, null, null, message);
    }

    private static DaemonLine Rfc5424(string line, int position, string severity)
    {
        // TIMESTAMP HOSTNAME APP-NAME PROCID MSGID STRUCTURED-DATA [MSG]; "-" is a nil value.
        ReadOnlySpan<char> text = line.AsSpan(position);
        PartialTime? time = null;
        if (text.StartsWith("- "))
        {
            text = text[2..];
        }
        else if (LineTimeReader.TryRead(text, out PartialTime read, out int consumed))
        {
            time = read;
            text = text[consumed..];
        }
        else
        {
            return Plain(line, null);
        }

        string? host = Token(ref text);
        string? app = Token(ref text);
        string? pid = Token(ref text);
        _ = Token(ref text);
        SkipStructuredData(ref text);
        // rsyslog's RFC 5424 templates write its msg property, which keeps the space that followed
        // "tag:" in the sender's datagram ("- -  05[IKE] ..."): one space is the separator's, not the
        // message's (pluto's indented lines keep the rest of theirs).
        text = text.TrimStart('\uFEFF');
        string message = (text.StartsWith(' ') ? text[1..] : text).ToString();
        DaemonLine split = Split(host, app is null ? "unknown" : NormalizeDaemonName(app), pid, message);
        return split with { Time = time, Format = DaemonLineFormat.Rfc5424, Level = split.Level ?? severity };
    }

    private static string? Token(ref ReadOnlySpan<char> text)
    {
        int space = text.IndexOf(' ');
        ReadOnlySpan<char> token = space < 0 ? text : text[..space];
        text = space < 0 ? [] : text[(space + 1)..];
        return token.IsEmpty || token.SequenceEqual("-") ? null : token.ToString();
    }

    private static void SkipStructuredData(ref ReadOnlySpan<char> text)
    {
        if (text.StartsWith('-'))
        {
            text = text.Length > 1 ? text[2..] : [];
            return;
        }

        int i = 0;
        while (i < text.Length && text[i] == '[')
        {
            bool quoted = false;
            for (i++; i < text.Length; i++)
            {
                if (text[i] == '\\')
                {
                    i++;
                }
                else if (text[i] == '"')
                {
                    quoted = !quoted;
                }
                else if (text[i] == ']' && !quoted)
                {
                    i++;
                    break;
                }
            }
        }

        text = i < text.Length && text[i] == ' ' ? text[(i + 1)..] : text[Math.Min(i, text.Length)..];
    }

    private static bool TryPriority(string line, out int priority, out int end)
    {
        priority = 0;
        end = 0;
        if (line.Length < 3 || line[0] != '<')
        {
            return false;
        }

        int i = 1;
        while (i < line.Length && i <= 4 && char.IsAsciiDigit(line[i]))
        {
            priority = (priority * 10) + (line[i] - '0');
            i++;
        }

        if (i == 1 || i >= line.Length || line[i] != '>' || priority > 191)
        {
            return false;
        }

        end = i + 1;
        return true;
    }

    private static DaemonLine Plain(string message, PartialTime? time) =>
        new DaemonLine(null, "unknown", null, null, null, null, null, message) with { Time = time };

    internal static DaemonLine FromCharon(string? host, string daemon, string? pid, Match body)
    {
        // "<conn|7>" names the connection and the IKE SA's unique id; "<7>" (before a config matched) only the id.
        string? connection = body.Groups["conn"].Success && body.Groups["conn"].Length > 0 ? body.Groups["conn"].Value : null;
        string? saId = body.Groups["sa"].Success ? body.Groups["sa"].Value : null;
        if (saId is null && connection is not null && connection.All(char.IsAsciiDigit))
        {
            saId = connection;
            connection = null;
        }

        return new DaemonLine(host, daemon == "ipsec" || daemon == "strongswan" || daemon == "unknown" ? "charon" : daemon,
            pid, body.Groups["thread"].Value, body.Groups["group"].Value, connection, saId, body.Groups["msg"].Value)
        {
            Level = body.Groups["level"].Success ? body.Groups["level"].Value : null,
        };
    }

    /// <summary>"/usr/sbin/pppd" → "pppd"; "charon-systemd" → "charon"; "ipsec[1]" as given.</summary>
    internal static string NormalizeDaemonName(string name)
    {
        int slash = name.LastIndexOf('/');
        string bare = slash >= 0 ? name[(slash + 1)..] : name;
        return bare.StartsWith("charon", StringComparison.Ordinal) ? "charon" : bare;
    }
}
