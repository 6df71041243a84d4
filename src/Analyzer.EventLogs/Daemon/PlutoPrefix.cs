using System.Text.RegularExpressions;

namespace Analyzer.EventLogs.Daemon;

/// <summary>
/// What the start of a Libreswan (or Openswan) pluto message says about where it belongs, and the
/// message after it. pluto prefixes a line with its context (Libreswan <c>programs/pluto/log.c</c>,
/// <c>jam_state</c>/<c>jam_connection</c>; Openswan's <c>log.c</c> alike): the connection name in
/// quotes, the instance number of a template connection and the peer's address
/// (<c>"l2tp-psk"[3] 203.0.113.7</c>), the state serial (<c>#12</c>), or <c>packet from ADDR:PORT</c>
/// before a state exists. Libreswan 4 and later put <c>ERROR: </c>/<c>WARNING: </c> before that
/// prefix, 3.x and Openswan after it. <c>ipsec whack</c> and <c>ipsec status</c> output starts with a
/// three-digit response code (<c>002 "conn" #1: ...</c>, <c>000 #1: "conn":500 STATE_MAIN_R3 ...</c>;
/// Libreswan 5 dropped the code).
/// </summary>
internal readonly record struct PlutoPrefix(
    string Message, string? Connection, string? Instance, string? Peer, string? PeerPort, string? Serial, string? State, string? Level, string? WhackCode)
{
    // The leading part: optional whack code, optional severity, then the context and ": ".
    private static readonly Regex Head = PlutoPatterns.Head();

    // "ERROR: " inside the message (3.x, Openswan: after the context).
    private static readonly Regex InnerLevel = PlutoPatterns.InnerLevel();

    // An "ipsec status" state line: after "#1: ", the connection and port before the state name.
    private static readonly Regex StatusConnection = PlutoPatterns.StatusConnection();

    private static readonly Regex StateName = PlutoPatterns.StateName();

    /// <summary>Splits a pluto message; a message without a prefix comes back whole with no context.</summary>
    public static PlutoPrefix Read(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.StartsWith("| ", StringComparison.Ordinal) || message == "|")
        {
            // Debug output (plutodebug=...): kept whole; its "#N" references are not a line context.
            return new PlutoPrefix(message, null, null, null, null, null, null, "debug", null);
        }

        Match head = Head.Match(message);
        if (!head.Success)
        {
            return new PlutoPrefix(message, null, null, null, null, null, FindState(message), null, null);
        }

        string text = head.Groups["msg"].Value;
        string? level = head.Groups["level"].Success ? LevelName(head.Groups["level"].Value) : null;
        Match inner = InnerLevel.Match(text);
        if (level is null && inner.Success)
        {
            level = LevelName(inner.Groups["level"].Value);
            text = text[inner.Length..];
        }

        string? connection = Group(head, "conn");
        string? instance = Group(head, "inst");
        string? peer = Group(head, "peer") ?? Group(head, "from");
        string? peerPort = Group(head, "peerport") ?? Group(head, "fromport");
        string? serial = Group(head, "serial") ?? Group(head, "lead");
        if (connection is null && Group(head, "lead") is not null && StatusConnection.Match(text) is { Success: true } status)
        {
            connection = Group(status, "conn");
            instance = Group(status, "inst");
            peer = Group(status, "peer");
        }

        return new PlutoPrefix(text, connection, instance, peer, peerPort, serial, FindState(text), level, Group(head, "code"));
    }

    private static string? FindState(string text)
    {
        if (!text.Contains("STATE_", StringComparison.Ordinal) && !text.Contains("ESTABLISHED_", StringComparison.Ordinal))
        {
            return null;
        }

        Match state = StateName.Match(text);
        return state.Success ? state.Value : null;
    }

    private static string? Group(Match match, string name) =>
        match.Groups[name] is { Success: true, Length: > 0 } group ? group.Value : null;

    private static string LevelName(string marker) => marker == "WARNING" ? "warning" : "error";
}
